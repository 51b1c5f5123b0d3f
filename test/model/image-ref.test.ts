import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseImageReference, type ImageReference, type ImageReferenceErrorCode } from '../../src/model/image-ref.js';

const SHA = 'sha256:2e863c44b718727c860746568e1d54afd13b2fa71b160f5cd9058fc436217b30';
const HEX64 = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';

type Expected = Partial<ImageReference>;

/** Valid references and what Docker makes of them. */
const VALID: readonly (readonly [string, Expected])[] = [
  ['python', { registry: null, domain: 'docker.io', path: 'python', repository: 'library/python', name: 'python', tag: null, digest: null, familiar: 'python', canonical: 'docker.io/library/python', official: true }],
  ['python:3.12-slim', { repository: 'library/python', name: 'python', tag: '3.12-slim', familiar: 'python:3.12-slim', official: true }],
  [`python:3.12-slim-bookworm@${SHA}`, { repository: 'library/python', tag: '3.12-slim-bookworm', digest: SHA, familiar: `python:3.12-slim-bookworm@${SHA}`, canonical: `docker.io/library/python:3.12-slim-bookworm@${SHA}` }],
  [`python@${SHA}`, { tag: null, digest: SHA, familiar: `python@${SHA}` }],
  ['docker.io/library/python:3.11', { registry: 'docker.io', domain: 'docker.io', path: 'library/python', repository: 'library/python', name: 'python', tag: '3.11', familiar: 'python:3.11', official: true }],
  ['docker.io/python', { registry: 'docker.io', path: 'python', repository: 'library/python', familiar: 'python', official: true }],
  ['index.docker.io/library/debian', { registry: 'index.docker.io', domain: 'docker.io', repository: 'library/debian', familiar: 'debian', official: true }],
  ['index.docker.io/fooo/bar', { domain: 'docker.io', repository: 'fooo/bar', familiar: 'fooo/bar', canonical: 'docker.io/fooo/bar', official: false }],
  // Docker itself keeps registry-1.docker.io as a separate domain (familiar), we know it is Docker Hub.
  ['registry-1.docker.io/library/python:3', { registry: 'registry-1.docker.io', domain: 'docker.io', repository: 'library/python', familiar: 'registry-1.docker.io/library/python:3', canonical: 'docker.io/library/python:3', official: true }],
  ['registry-1.docker.io/python', { domain: 'docker.io', path: 'python', repository: 'library/python', official: true }],
  ['library/ubuntu', { registry: null, path: 'library/ubuntu', repository: 'library/ubuntu', familiar: 'ubuntu', official: true }],
  ['library/foo/bar', { repository: 'library/foo/bar', name: 'bar', familiar: 'library/foo/bar', official: false }],
  ['docker/docker', { domain: 'docker.io', repository: 'docker/docker', familiar: 'docker/docker', official: false }],
  ['ghcr.io/astral-sh/uv:0.5', { registry: 'ghcr.io', domain: 'ghcr.io', path: 'astral-sh/uv', repository: 'astral-sh/uv', name: 'uv', tag: '0.5', familiar: 'ghcr.io/astral-sh/uv:0.5', canonical: 'ghcr.io/astral-sh/uv:0.5', official: false }],
  ['localhost:5000/app', { registry: 'localhost:5000', domain: 'localhost:5000', path: 'app', repository: 'app', name: 'app', tag: null, familiar: 'localhost:5000/app' }],
  ['localhost/app:1', { registry: 'localhost', repository: 'app', tag: '1' }],
  // No '/': a familiar name, so this is the image `localhost` with tag 5000 (Docker's FIXME).
  ['localhost:5000', { registry: null, repository: 'library/localhost', tag: '5000' }],
  ['[::1]:5000/x:y', { registry: '[::1]:5000', domain: '[::1]:5000', path: 'x', repository: 'x', name: 'x', tag: 'y', familiar: '[::1]:5000/x:y' }],
  ['[fc00:1:2:3:4:5:6:7]:5000/library/debian', { domain: '[fc00:1:2:3:4:5:6:7]:5000', repository: 'library/debian', official: false }],
  ['mcr.microsoft.com/windows/servercore:ltsc2022', { registry: 'mcr.microsoft.com', path: 'windows/servercore', name: 'servercore', tag: 'ltsc2022', official: false }],
  ['scratch', { repository: 'library/scratch', name: 'scratch', official: true }],
  ['127.0.0.1:8000/private/moonbase', { domain: '127.0.0.1:8000', repository: 'private/moonbase', familiar: '127.0.0.1:8000/private/moonbase' }],
  ['example.com:8000/privatebasee', { domain: 'example.com:8000', repository: 'privatebasee' }],
  ['xn--n3h.com:18080/foo', { domain: 'xn--n3h.com:18080', repository: 'foo' }],
  ['test-com:8080/foo', { domain: 'test-com:8080', repository: 'foo' }],
  ['test_com/foo', { registry: null, domain: 'docker.io', repository: 'test_com/foo' }],
  // An upper-case first component is a registry.
  ['Foo/bar', { registry: 'Foo', domain: 'Foo', repository: 'bar', familiar: 'Foo/bar' }],
  ['192.168.0.1', { repository: 'library/192.168.0.1' }],
  ['192.168.0.1:80', { repository: 'library/192.168.0.1', tag: '80' }],
  // Allowed with a registry; its familiar form (the bare hex) is not parseable, as in Docker.
  [`docker.io/${HEX64}`, { repository: `library/${HEX64}`, familiar: HEX64 }],
  ['dbcc1', { repository: 'library/dbcc1' }],
  ['docker---rules/docker', { repository: 'docker---rules/docker' }],
  ['dock__er/docker', { repository: 'dock__er/docker' }],
  ['a_b-c__d/e.f', { repository: 'a_b-c__d/e.f' }],
  ['busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa', { tag: 'latest', familiar: 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa' }],
  [`x:${'t'.repeat(128)}`, { tag: 't'.repeat(128) }],
  [`x:_.-`, { tag: '_.-' }],
  [`x@sha512:${'ab'.repeat(64)}`, { digest: `sha512:${'ab'.repeat(64)}` }],
  [`x@sha384:${'0'.repeat(96)}`, { digest: `sha384:${'0'.repeat(96)}` }],
  [`${'a'.repeat(247)}`, { repository: `library/${'a'.repeat(247)}` }],
];

/** Invalid references with Docker's message. */
const INVALID: readonly (readonly [string, ImageReferenceErrorCode, string])[] = [
  ['Python:3', 'uppercase', 'invalid reference format: repository name (library/Python) must be lowercase'],
  ['docker/Docker', 'uppercase', 'invalid reference format: repository name (docker/Docker) must be lowercase'],
  ['ghcr.io/Org/app', 'uppercase', 'invalid reference format: repository name (Org/app) must be lowercase'],
  ['busybox:', 'invalid-format', 'invalid reference format'],
  ['', 'invalid-format', 'invalid reference format'],
  // An unexpanded variable: Docker's first complaint is the upper-case letter.
  ['$X', 'uppercase', 'invalid reference format: repository name (library/$X) must be lowercase'],
  ['${BASE}:3', 'uppercase', 'invalid reference format: repository name (library/${BASE}) must be lowercase'],
  ['$base', 'invalid-format', 'invalid reference format'],
  ['python:3.12 ', 'invalid-format', 'invalid reference format'],
  ['https://github.com/docker/docker', 'invalid-format', 'invalid reference format'],
  ['-docker', 'invalid-format', 'invalid reference format'],
  ['-docker/docker', 'invalid-format', 'invalid reference format'],
  ['docker-/docker', 'invalid-format', 'invalid reference format'],
  ['-docker.io/docker/docker', 'invalid-format', 'invalid reference format'],
  ['docker///docker', 'invalid-format', 'invalid reference format'],
  ['docker.io/docker///docker', 'invalid-format', 'invalid reference format'],
  ['docker/', 'invalid-format', 'invalid reference format'],
  ['____/____', 'invalid-format', 'invalid reference format'],
  ['_docker/_docker', 'invalid-format', 'invalid reference format'],
  ['dock..er/docker', 'invalid-format', 'invalid reference format'],
  ['dock_.er/docker', 'invalid-format', 'invalid reference format'],
  ['dock-.er/docker', 'invalid-format', 'invalid reference format'],
  ['dock___er/docker', 'invalid-format', 'invalid reference format'],
  ['[fc00::1]', 'invalid-format', 'invalid reference format'],
  ['[fc00::1]:5000', 'invalid-format', 'invalid reference format'],
  ['fc00::1:5000/debian', 'invalid-format', 'invalid reference format'],
  ['[fe80::1%eth0]:5000/debian', 'invalid-format', 'invalid reference format'],
  ['[2001:db8:3:4::192.0.2.33]:5000/debian', 'invalid-format', 'invalid reference format'],
  ['localhost:/x', 'invalid-format', 'invalid reference format'],
  ['python:3:4', 'invalid-format', 'invalid reference format'],
  ['python:-3', 'invalid-format', 'invalid reference format'],
  [`x:${'t'.repeat(129)}`, 'invalid-format', 'invalid reference format'],
  ['python@sha256:abc', 'invalid-format', 'invalid reference format'],
  ['python@', 'invalid-format', 'invalid reference format'],
  ['python@sha256:' + 'g'.repeat(64), 'invalid-format', 'invalid reference format'],
  // Kept apart from Docker on purpose: Docker parses it with an empty domain (an unusable reference).
  ['my_registry.com/foo', 'invalid-format', 'invalid reference format'],
  ['a.b_c-d/e', 'invalid-format', 'invalid reference format'],
  [HEX64, 'hex-identifier', `invalid repository name (${HEX64}), cannot specify 64-byte hexadecimal strings`],
  [`${'a'.repeat(248)}`, 'name-too-long', 'repository name must not be more than 255 characters'],
  [
    'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker',
    'name-too-long',
    'repository name must not be more than 255 characters',
  ],
  // The reference grammar accepts these digests; go-digest then rejects them.
  ['python@sha256:' + 'A'.repeat(64), 'invalid-digest', 'invalid checksum digest format'],
  ['python@sha256:' + 'a'.repeat(40), 'invalid-digest', 'invalid checksum digest format'],
  ['python@SHA256:' + 'a'.repeat(64), 'uppercase', 'invalid reference format: repository name (library/python@SHA256) must be lowercase'],
  ['localhost/python@SHA256:' + 'a'.repeat(64), 'uppercase', 'invalid reference format: repository name (python@SHA256) must be lowercase'],
  ['python:1@SHA256:' + 'a'.repeat(64), 'invalid-digest', 'invalid checksum digest format'],
  ['python@md5:' + 'a'.repeat(32), 'unsupported-digest', 'unsupported digest algorithm'],
  ['python@sha256+b64:' + 'a'.repeat(64), 'unsupported-digest', 'unsupported digest algorithm'],
  ['python@constructor:' + 'a'.repeat(64), 'unsupported-digest', 'unsupported digest algorithm'],
];

describe('parseImageReference: valid references', () => {
  for (const [text, expected] of VALID) {
    it(text.length > 80 ? `${text.slice(0, 77)}...` : text, () => {
      const r = parseImageReference(text);
      assert.ok(r.ok, `${text}: ${JSON.stringify(r)}`);
      const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, r.ref[k as keyof ImageReference]]));
      assert.deepEqual(picked, expected);
      // Spans point at the text they describe.
      const { spans, ref } = r;
      assert.equal(text.slice(spans.path.start, spans.path.end), ref.path);
      assert.equal(text.slice(spans.name.start, spans.name.end), ref.name);
      assert.equal(spans.registry && text.slice(spans.registry.start, spans.registry.end), ref.registry);
      assert.equal(spans.tag && text.slice(spans.tag.start, spans.tag.end), ref.tag);
      assert.equal(spans.digest && text.slice(spans.digest.start, spans.digest.end), ref.digest);
      // The familiar and canonical forms parse back to the same image.
      for (const again of ref.familiar === HEX64 ? [ref.canonical] : [ref.familiar, ref.canonical]) {
        const r2 = parseImageReference(again);
        assert.ok(r2.ok, again);
        assert.deepEqual([r2.ref.domain, r2.ref.repository, r2.ref.tag, r2.ref.digest], [ref.domain, ref.repository, ref.tag, ref.digest]);
      }
    });
  }
});

describe('parseImageReference: invalid references', () => {
  for (const [text, code, reason] of INVALID) {
    it(text.length > 80 ? `${text.slice(0, 77)}...` : text || '(empty)', () => {
      assert.deepEqual(parseImageReference(text), { ok: false, reason, code });
    });
  }
});

describe('parseImageReference: spans', () => {
  it('locates the registry, path, name, tag and digest', () => {
    const text = `ghcr.io/astral-sh/uv:0.5@${SHA}`;
    const r = parseImageReference(text);
    assert.ok(r.ok);
    assert.deepEqual(r.spans, {
      registry: { start: 0, end: 7 },
      path: { start: 8, end: 20 },
      name: { start: 18, end: 20 },
      tag: { start: 21, end: 24 },
      digest: { start: 25, end: text.length },
    });
  });
  it('has no registry span for Docker Hub short names', () => {
    const r = parseImageReference('python:3.12');
    assert.ok(r.ok);
    assert.deepEqual(r.spans, { registry: null, path: { start: 0, end: 6 }, name: { start: 0, end: 6 }, tag: { start: 7, end: 11 }, digest: null });
  });
});
