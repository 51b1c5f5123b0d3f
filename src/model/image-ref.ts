/**
 * Container image references as Docker reads them (`reference.ParseNormalizedNamed` of
 * distribution/reference, with go-digest's digest validation):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [domain "/"] path-component ["/" path-component]*
 *   domain    := (domain-component ["." domain-component]* | "[" ipv6 "]") [":" port]
 *   path-component := [a-z0-9]+ (("." | "_" | "__" | "-"+) [a-z0-9]+)*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex   (sha256: 64, sha384: 96, sha512: 128 lowercase hex)
 *
 * The first component is the registry when it contains `.` or `:`, is `localhost`, or has an
 * upper-case letter; otherwise the image is on Docker Hub (`docker.io`), where one-component
 * names get the `library/` namespace. Error reasons are Docker's messages.
 *
 * Beyond Docker: `registry-1.docker.io` (Docker Hub's API host) is treated as Docker Hub in
 * `domain`, `repository`, `canonical` and `official`, while `familiar` stays what `docker` prints.
 */
import type { Span } from '../parser/source.js';

export interface ImageReference {
  /** The registry as written, or null when the reference names none. */
  readonly registry: string | null;
  /** The registry after normalization: `docker.io` for Docker Hub (none, `index.docker.io`, `registry-1.docker.io`). */
  readonly domain: string;
  /** The repository path as written (without the registry), e.g. `python` or `astral-sh/uv`. */
  readonly path: string;
  /** The normalized repository path: `library/python` for an official image. */
  readonly repository: string;
  /** The last path component, e.g. `python`. */
  readonly name: string;
  readonly tag: string | null;
  /** `algorithm:hex`. */
  readonly digest: string | null;
  /** How `docker` prints it (`python:3.12`, `ghcr.io/astral-sh/uv:0.5`). */
  readonly familiar: string;
  /** The fully qualified form (`docker.io/library/python:3.12`). */
  readonly canonical: string;
  /** A Docker Hub official image (`docker.io/library/<name>`). */
  readonly official: boolean;
}

/** Offsets in the parsed text (tag and digest without their `:` / `@`). */
export interface ImageReferenceSpans {
  readonly registry: Span | null;
  readonly path: Span;
  readonly name: Span;
  readonly tag: Span | null;
  readonly digest: Span | null;
}

export type ImageReferenceErrorCode =
  | 'invalid-format'
  | 'uppercase'
  | 'hex-identifier'
  | 'name-too-long'
  | 'invalid-digest'
  | 'unsupported-digest';

export interface ImageReferenceFailure {
  readonly ok: false;
  /** Docker's message. */
  readonly reason: string;
  readonly code: ImageReferenceErrorCode;
}

export interface ImageReferenceSuccess {
  readonly ok: true;
  readonly ref: ImageReference;
  readonly spans: ImageReferenceSpans;
}

export type ImageReferenceResult = ImageReferenceSuccess | ImageReferenceFailure;

const DOCKER_HUB = 'docker.io';
const LEGACY_HUB = 'index.docker.io';
const HUB_API = 'registry-1.docker.io';
const LIBRARY = 'library/';
/** distribution/reference `RepositoryNameTotalLengthMax` (checked on the path, `library/` included). */
const MAX_PATH_LENGTH = 255;
const MAX_TAG_LENGTH = 128;
const DIGEST_HEX_LENGTH: ReadonlyMap<string, number> = new Map([['sha256', 64], ['sha384', 96], ['sha512', 128]]);

function fail(code: ImageReferenceErrorCode, reason: string): ImageReferenceFailure {
  return { ok: false, reason, code };
}

export function parseImageReference(text: string): ImageReferenceResult {
  if (isHexIdentifier(text)) {
    return fail('hex-identifier', `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings`);
  }

  // splitDockerDomain
  let registry: string | null = null;
  let restStart = 0;
  const slash = text.indexOf('/');
  if (slash >= 0) {
    const first = text.slice(0, slash);
    if (first === 'localhost' || first === LEGACY_HUB || first.includes('.') || first.includes(':') || first.toLowerCase() !== first) {
      registry = first;
      restStart = slash + 1;
    }
  }
  const rest = text.slice(restStart);
  // Docker's own view: the domain it reports and whether it puts the name under `library/`.
  const dockerDomain = registry === null || registry === LEGACY_HUB ? DOCKER_HUB : registry;
  const dockerPrefix = dockerDomain === DOCKER_HUB && !rest.includes('/') ? LIBRARY : '';

  const colon = rest.indexOf(':');
  const remote = dockerPrefix + (colon >= 0 ? rest.slice(0, colon) : rest);
  if (remote.toLowerCase() !== remote) {
    return fail('uppercase', `invalid reference format: repository name (${remote}) must be lowercase`);
  }

  const parts = scanReference(dockerDomain, rest);
  if (parts === null) {
    // Parse: when only lower-casing would make it valid, Docker says so.
    const lowerDomain = dockerDomain.toLowerCase();
    const lowerRest = rest.toLowerCase();
    if ((lowerDomain !== dockerDomain || lowerRest !== rest) && scanReference(lowerDomain, lowerRest) !== null) {
      return fail('uppercase', 'repository name must be lowercase');
    }
    return fail('invalid-format', 'invalid reference format');
  }

  const path = rest.slice(0, parts.pathEnd);
  if (dockerPrefix.length + path.length > MAX_PATH_LENGTH) {
    return fail('name-too-long', `repository name must not be more than ${MAX_PATH_LENGTH} characters`);
  }
  const tag = parts.tagStart < 0 ? null : rest.slice(parts.tagStart, parts.tagEnd);
  const digest = parts.digestStart < 0 ? null : rest.slice(parts.digestStart);
  if (digest !== null) {
    const bad = validateDigest(digest);
    if (bad !== null) return bad;
  }

  const domain = dockerDomain === HUB_API ? DOCKER_HUB : dockerDomain;
  const repository = domain === DOCKER_HUB && !path.includes('/') ? LIBRARY + path : path;
  const lastSlash = path.lastIndexOf('/');
  const suffix = (tag === null ? '' : `:${tag}`) + (digest === null ? '' : `@${digest}`);
  const ref: ImageReference = {
    registry,
    domain,
    path,
    repository,
    name: path.slice(lastSlash + 1),
    tag,
    digest,
    familiar: familiarName(dockerDomain, dockerPrefix + path) + suffix,
    canonical: `${domain}/${repository}${suffix}`,
    official: domain === DOCKER_HUB && repository.startsWith(LIBRARY) && repository.indexOf('/', LIBRARY.length) < 0,
  };
  const at = (start: number, end: number): Span => ({ start: restStart + start, end: restStart + end });
  const spans: ImageReferenceSpans = {
    registry: registry === null ? null : { start: 0, end: slash },
    path: at(0, parts.pathEnd),
    name: at(lastSlash + 1, parts.pathEnd),
    tag: parts.tagStart < 0 ? null : at(parts.tagStart, parts.tagEnd),
    digest: parts.digestStart < 0 ? null : at(parts.digestStart, rest.length),
  };
  return { ok: true, ref, spans };
}

/** familiarizeName: Docker Hub drops its domain, and `library/` when nothing is nested under it. */
function familiarName(domain: string, path: string): string {
  if (domain !== DOCKER_HUB) return `${domain}/${path}`;
  if (path.startsWith(LIBRARY) && path.indexOf('/', LIBRARY.length) < 0) return path.slice(LIBRARY.length);
  return path;
}

interface Parts {
  /** End of the path in `rest`; the tag and digest offsets are in `rest` too (-1 when absent). */
  readonly pathEnd: number;
  readonly tagStart: number;
  readonly tagEnd: number;
  readonly digestStart: number;
}

/** The reference grammar over `domain "/" rest`, or null. */
function scanReference(domain: string, rest: string): Parts | null {
  if (!isDomainAndPort(domain)) return null;
  let pathEnd = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 58 /* : */ || c === 64 /* @ */) {
      pathEnd = i;
      break;
    }
  }
  if (!isRemoteName(rest, 0, pathEnd)) return null;
  let tagStart = -1;
  let tagEnd = -1;
  let i = pathEnd;
  if (rest.charCodeAt(i) === 58) {
    tagStart = i + 1;
    tagEnd = rest.indexOf('@', tagStart);
    if (tagEnd < 0) tagEnd = rest.length;
    if (!isTag(rest, tagStart, tagEnd)) return null;
    i = tagEnd;
  }
  let digestStart = -1;
  if (rest.charCodeAt(i) === 64) {
    digestStart = i + 1;
    if (!isDigestSyntax(rest, digestStart)) return null;
  }
  return { pathEnd, tagStart, tagEnd, digestStart };
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isLower(c) || isUpper(c) || isDigit(c);
const isLowerAlnum = (c: number): boolean => isLower(c) || isDigit(c);
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isWord = (c: number): boolean => isAlnum(c) || c === 95;

function isHexIdentifier(s: string): boolean {
  if (s.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c) && !(c >= 97 && c <= 102)) return false;
  }
  return true;
}

/** `host [":" port]`, host = dotted domain components or a bracketed IPv6 address. */
function isDomainAndPort(d: string): boolean {
  const n = d.length;
  let i = 0;
  if (d.charCodeAt(0) === 91 /* [ */) {
    const close = d.indexOf(']');
    if (close < 2) return false;
    for (let j = 1; j < close; j++) {
      const c = d.charCodeAt(j);
      if (!isHex(c) && c !== 58) return false;
    }
    i = close + 1;
  } else {
    for (;;) {
      const start = i;
      while (i < n && (isAlnum(d.charCodeAt(i)) || d.charCodeAt(i) === 45)) i++;
      if (i === start || d.charCodeAt(start) === 45 || d.charCodeAt(i - 1) === 45) return false;
      if (i < n && d.charCodeAt(i) === 46 /* . */) {
        i++;
        continue;
      }
      break;
    }
  }
  if (i === n) return true;
  if (d.charCodeAt(i) !== 58) return false;
  i++;
  if (i === n) return false;
  for (; i < n; i++) if (!isDigit(d.charCodeAt(i))) return false;
  return true;
}

/** Path components separated by `/`: lowercase alphanumeric runs joined by `.`, `_`, `__` or dashes. */
function isRemoteName(s: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    // one component
    if (i >= to || !isLowerAlnum(s.charCodeAt(i))) return false;
    for (;;) {
      while (i < to && isLowerAlnum(s.charCodeAt(i))) i++;
      if (i >= to) return true;
      const c = s.charCodeAt(i);
      if (c === 46) i++;
      else if (c === 95) i += s.charCodeAt(i + 1) === 95 ? 2 : 1;
      else if (c === 45) while (i < to && s.charCodeAt(i) === 45) i++;
      else break;
      if (i >= to || !isLowerAlnum(s.charCodeAt(i))) return false;
    }
    if (s.charCodeAt(i) !== 47 /* / */) return false;
    i++;
  }
}

function isTag(s: string, from: number, to: number): boolean {
  if (to <= from || to - from > MAX_TAG_LENGTH || !isWord(s.charCodeAt(from))) return false;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isWord(c) && c !== 46 && c !== 45) return false;
  }
  return true;
}

/** The reference grammar's digest: `[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}` to the end. */
function isDigestSyntax(s: string, from: number): boolean {
  const n = s.length;
  let i = from;
  for (;;) {
    if (i >= n || !(isLower(s.charCodeAt(i)) || isUpper(s.charCodeAt(i)))) return false;
    i++;
    while (i < n && isAlnum(s.charCodeAt(i))) i++;
    const c = s.charCodeAt(i);
    if (c === 45 || c === 95 || c === 43 || c === 46) {
      i++;
      continue;
    }
    if (c !== 58) return false;
    break;
  }
  i++;
  if (n - i < 32) return false;
  for (; i < n; i++) if (!isHex(s.charCodeAt(i))) return false;
  return true;
}

/** go-digest's `Digest.Validate` (sha256, sha384 and sha512 are the available algorithms). */
function validateDigest(digest: string): ImageReferenceFailure | null {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const size = DIGEST_HEX_LENGTH.get(algorithm);
  if (size === undefined) {
    return /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)
      ? fail('unsupported-digest', 'unsupported digest algorithm')
      : fail('invalid-digest', 'invalid checksum digest format');
  }
  if (hex.length !== size) return fail('invalid-digest', 'invalid checksum digest format');
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (!isDigit(c) && !(c >= 97 && c <= 102)) return fail('invalid-digest', 'invalid checksum digest format');
  }
  return null;
}
