/** Edge cases of the hadolint / BuildKit parity rules: positions, fixes, suppressions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter, type LintOptions } from '../../src/engine/lint.js';
import { fixText } from '../../src/fix/loop.js';
import { RULES } from '../../src/rules/index.js';

const linter = new Linter(RULES);
const settings = { today: '2026-11-23' };

/** `line:column message` of the rule's diagnostics. */
function run(rule: string, code: string, options: LintOptions = {}): string[] {
  const r = linter.lint(code, { config: [{ select: [rule] }], settings, ...options });
  assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'internal-error'), []);
  return r.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.message}`);
}

function count(rule: string, code: string, options: LintOptions = {}): number {
  return run(rule, code, options).length;
}

function fix(rule: string, code: string): string {
  return fixText(linter, code, { config: [{ select: [rule] }], settings }).text;
}

describe('legacy-key-value-format', () => {
  it('keeps the value one word', () => {
    assert.equal(fix('legacy-key-value-format', 'FROM a\nENV A b c\n'), 'FROM a\nENV A="b c"\n');
    assert.equal(fix('legacy-key-value-format', 'FROM a\nENV A "b c"\n'), 'FROM a\nENV A="b c"\n');
    assert.equal(fix('legacy-key-value-format', 'FROM a\nENV A\tb\\ c\n'), 'FROM a\nENV A=b\\ c\n');
  });
  it('does not fix values with quotes and blanks, or across lines', () => {
    assert.equal(fix('legacy-key-value-format', "FROM a\nENV A it's \"x\"\n"), "FROM a\nENV A it's \"x\"\n");
    assert.equal(fix('legacy-key-value-format', 'FROM a\nENV A \\\n  b\n'), 'FROM a\nENV A \\\n  b\n');
    assert.equal(count('legacy-key-value-format', 'FROM a\nENV A \\\n  b\n'), 1);
  });
});

describe('casing', () => {
  it('rewrites keywords to the majority case', () => {
    assert.equal(fix('instruction-casing-inconsistent', 'from a\nrun x\nCOPY . .\nFrom b\n'), 'from a\nrun x\ncopy . .\nfrom b\n');
  });
  it('global ARGs are neither counted nor reported', () => {
    assert.equal(count('instruction-casing-inconsistent', 'arg X=1\nFROM a\nRUN x\n'), 0);
  });
  it('points at AS', () => {
    assert.deepEqual(run('as-keyword-casing', 'FROM a as b\n'), ["1:8-10 'as' does not match the case of 'FROM': write 'AS'"]);
  });
});

describe('platform', () => {
  it('removes --platform=$TARGETPLATFORM', () => {
    assert.equal(fix('platform-target-redundant', 'FROM --platform=${TARGETPLATFORM} a AS b\n'), 'FROM a AS b\n');
    assert.equal(count('platform-target-redundant', 'FROM --platform=$TARGETPLATFORM/x a\n'), 0);
  });
  it('a constant platform is fine on a stage named after it', () => {
    assert.equal(count('from-platform-constant', 'FROM --platform=linux/arm64 a AS tools-arm64\n'), 0);
    assert.equal(count('from-platform-constant', 'FROM --platform=linux/x86_64 a AS tools-amd64\n'), 0);
    assert.equal(count('from-platform-constant', 'FROM --platform=bogus a\n'), 0);
  });
});

describe('EXPOSE', () => {
  it('lower-cases protocols in place, also after expansion is impossible', () => {
    assert.equal(fix('expose-protocol-uppercase', 'FROM a\nEXPOSE 80/TCP 53/UDP\n'), 'FROM a\nEXPOSE 80/tcp 53/udp\n');
    assert.deepEqual(run('expose-protocol-uppercase', 'FROM a\nARG P=80/TCP\nEXPOSE $P\n'), ["3:8-10 Protocol of '80/TCP' should be lower-case: 'tcp'"]);
  });
  it('host mappings point at the host part', () => {
    assert.deepEqual(run('expose-host-mapping', 'FROM a\nEXPOSE 8000:80\n'), ["2:8-13 EXPOSE '8000:80' names a host port: expose only the container port (80) and publish with `docker run -p`"]);
  });
  it('ports out of range', () => {
    assert.equal(count('expose-invalid-port', 'FROM a\nEXPOSE 65535 0 1-65535/udp\n'), 0);
    assert.equal(count('expose-invalid-port', 'FROM a\nEXPOSE 65536 http\n'), 2);
  });
});

describe('build errors', () => {
  it('unknown instructions get a suggestion in their own case', () => {
    assert.deepEqual(run('unknown-instruction', 'FROM a\ncopyy . .\n'), ["2:1-6 Unknown instruction 'copyy' (did you mean copy?)"]);
    assert.equal(count('unknown-instruction', 'FROM a\nONBUILD RNU x\n'), 1);
  });
  it('flags', () => {
    const msgs = (code: string): string[] => run('invalid-flag', code).map((m) => m.replace(/^\S+ /, ''));
    assert.deepEqual(msgs('FROM a\nCOPY --chmown=1 --link=yes . /\n'), ['COPY has no flag --chmown (did you mean --chown?)', "--link takes true or false, not 'yes'"]);
    assert.deepEqual(msgs('FROM a\nCOPY --from=a --from=b . /\n'), ['--from is given twice']);
    assert.deepEqual(msgs('FROM a\nWORKDIR --x /a\nARG --x A\n'), ['WORKDIR has no flag --x']);
    assert.deepEqual(msgs('FROM a\nRUN --network=bridge --mount=type=cache,tagret=/x x\n'), ["--network must be default, none or host, not 'bridge'", "Unknown mount option 'tagret' (did you mean target?)"]);
    assert.deepEqual(msgs('FROM a\nCOPY --chmod=999 a /\nCOPY --chmod=u=rwX,go=rX a /\nARG M=644\nCOPY --chmod=$M a /\n'), ["--chmod='999' is not a mode: use octal between 0 and 7777 (or u=rwX,go=rX)"]);
    assert.deepEqual(msgs('FROM a\nRUN --device=x y\n'), ['`--device` needs the labs Dockerfile frontend (`# syntax=docker/dockerfile:1-labs`)']);
    assert.deepEqual(msgs('# syntax=docker/dockerfile:1-labs\nFROM a\nRUN --device=x y\n'), []);
    assert.deepEqual(msgs('FROM a\nHEALTHCHECK --interval=1m30s --timeout=0 --retries=-1 CMD x\nHEALTHCHECK NONE --bogus\n'), ["--retries must be a whole number of at least 0, not '-1'"]);
    assert.deepEqual(msgs('FROM a\nADD --checksum=sha256:abc ./local /x\n'), ['--checksum only works when ADD fetches a single URL or Git repository']);
  });
  it('arguments', () => {
    const msgs = (code: string): string[] => run('invalid-arguments', code).map((m) => m.replace(/^\S+ /, ''));
    assert.deepEqual(msgs('FROM a b\n'), ['FROM takes an image and optionally `AS name`: found 2 words']);
    assert.deepEqual(msgs('FROM a TO b\n'), ["FROM takes an image and optionally `AS name`: 'TO' should be AS"]);
    assert.deepEqual(msgs('FROM a\nHEALTHCHECK NONE x\nHEALTHCHECK CONNECT x\nHEALTHCHECK CMD\n'), ['HEALTHCHECK NONE takes no arguments', "Unknown HEALTHCHECK type 'CONNECT' (use CMD or NONE)", 'HEALTHCHECK CMD needs a command']);
    assert.deepEqual(msgs('FROM a\nCOPY x <<EOF\nhi\nEOF\n'), ['COPY cannot use a heredoc as its destination']);
    assert.deepEqual(msgs('FROM a\nSHELL []\nUSER\n'), ['SHELL needs at least one element', 'USER needs exactly one argument']);
  });
});

describe('undefined-variable', () => {
  it('ARG defaults see earlier declarations of the same ARG', () => {
    assert.equal(count('undefined-variable', 'FROM scratch\nARG A=1 B=$A\nCOPY $B /\n'), 0);
  });
  it('points at the variable, with a suggestion', () => {
    assert.deepEqual(run('undefined-variable', 'FROM scratch\nARG APP_DIR=/app\nCOPY x ${APP_DRI}/\n'), ["3:8-18 '$APP_DRI' is not defined: no ARG or ENV sets it before this line; did you mean $APP_DIR?"]);
  });
  it('expands COPY heredocs with unquoted delimiters only', () => {
    assert.equal(count('undefined-variable', 'FROM scratch\nCOPY <<EOF /a\n$X\nEOF\n'), 1);
    assert.equal(count('undefined-variable', "FROM scratch\nCOPY <<'EOF' /a\n$X\nEOF\n"), 0);
    assert.equal(count('undefined-variable', 'FROM scratch\nRUN <<EOF\necho $X\nEOF\n'), 0);
  });
  it('knows the ENV of common base images, and not what a stage picked by a build arg defines', () => {
    assert.equal(count('undefined-variable', 'FROM python:3.12-slim\nWORKDIR /src/$PYTHON_VERSION\n'), 0);
    assert.equal(count('undefined-variable', 'FROM scratch AS base-amd64\nARG X=1\nFROM base-$TARGETARCH\nCOPY $X /\n'), 0);
    assert.match(run('undefined-variable', 'FROM example.com/base:1\nCOPY $X /\n')[0] ?? '', /unless the base image example.com\/base:1 sets it/);
  });
});

describe('stage-aware and config-driven rules', () => {
  it('user-not-numeric looks at the user the final image runs as', () => {
    assert.equal(count('user-not-numeric', 'FROM a AS build\nUSER builder\nFROM b\nUSER 1000\n'), 0);
    assert.equal(count('user-not-numeric', 'FROM a AS base\nUSER app\nFROM base\nRUN x\n'), 1);
  });
  it('label-missing exempts stages a labelled stage consumes', () => {
    const options: LintOptions = { settings: { ...settings, labelSchema: { owner: 'email' } } };
    assert.equal(count('label-missing', 'FROM a AS build\nFROM b\nCOPY --from=build /x /x\nLABEL owner=a@b.c\n', options), 0);
    assert.equal(count('label-missing', 'FROM a AS build\nFROM b\nLABEL owner=a@b.c\n', options), 1);
  });
  it('untrusted-registry checks COPY --from images and mounts, not stages', () => {
    const options: LintOptions = { settings: { ...settings, trustedRegistries: ['docker.io'] } };
    assert.equal(count('untrusted-registry', 'FROM python:3.12 AS build\nCOPY --from=build / /x\nCOPY --from=ghcr.io/a/b:1 /b /b\nRUN --mount=from=quay.io/x/y:1,target=/y true\n', options), 2);
  });
  it('workdir-relative: only the first WORKDIR of a stage chain matters', () => {
    assert.equal(count('workdir-relative', 'FROM a\nWORKDIR /app\nWORKDIR src\n'), 0);
    assert.equal(count('workdir-relative', 'FROM a AS b\nWORKDIR src\nFROM b\nWORKDIR lib\n'), 1);
  });
  it('env-self-reference ignores re-exported ARGs', () => {
    assert.equal(count('env-self-reference', 'FROM a\nARG V=1\nENV V=$V W=$V\n'), 0);
    assert.equal(count('env-self-reference', 'FROM a\nARG V=1\nENV V=2 W=$V\n'), 1);
  });
});

describe('suppressions', () => {
  it('hadolint stage ignore covers the stage below it', () => {
    const code = '# hadolint stage ignore=DL3011\nFROM a\nEXPOSE 80000\nFROM b\nEXPOSE 80000\n';
    assert.deepEqual(run('expose-invalid-port', code).map((m) => m.split(' ')[0]), ['5:8-13']);
  });
  it('a hadolint pragma with a token that is not a code is ignored, and reported', () => {
    const r = linter.lint('FROM a\n# hadolint ignore=crazy,DL3011\nEXPOSE 80000\n', { config: [{ select: ['expose-invalid-port', 'unused-suppression'] }], settings });
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ['unused-suppression', 'expose-invalid-port']);
  });
  it('a trailing # reason is not a code', () => {
    const r = linter.lint('FROM a\n# hadolint ignore=DL3011 # legacy port\nEXPOSE 80000\n', { config: [{ select: ['expose-invalid-port', 'unused-suppression'] }], settings });
    assert.deepEqual(r.diagnostics, []);
  });
  it('check=skip=all leaves experimental checks on', () => {
    const code = '# check=experimental=InvalidDefinitionDescription\nFROM a\n# check=skip=all\nARG foo\n';
    assert.equal(linter.lint(code, { settings }).diagnostics.filter((d) => d.rule === 'description-comment-invalid').length, 1);
  });
  it('BUILDKIT_DOCKERFILE_CHECK replaces the file directive', () => {
    const code = '# check=skip=all\nFROM a as b\n';
    assert.equal(linter.lint(code, { settings }).diagnostics.filter((d) => d.rule === 'as-keyword-casing').length, 0);
    assert.equal(linter.lint(code, { settings, buildkitCheck: 'skip=none' }).diagnostics.filter((d) => d.rule === 'as-keyword-casing').length, 1);
  });
});
