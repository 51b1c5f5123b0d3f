/**
 * Edge cases of the rules that look inside RUN scripts, RuleTester style: the code, the
 * diagnostics expected (`line:column text-of-the-span`) and, for fixes, the text the fix loop writes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { fixText } from '../../src/fix/loop.js';
import { RULES } from '../../src/rules/index.js';

interface Case {
  readonly code: string;
  /** `line:column text` of each diagnostic, in order. */
  readonly expect: readonly string[];
  /** The text after the fix loop (unsafe fixes included when `unsafe`). */
  readonly output?: string;
  readonly unsafe?: boolean;
}

const linter = new Linter(RULES);
const settings = { today: '2026-11-23' };

function found(rule: string, code: string): string[] {
  const r = linter.lint(code, { config: [{ select: [rule] }], settings });
  assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'internal-error'), []);
  return r.diagnostics.filter((d) => d.rule === rule).map((d) => `${d.line}:${d.column} ${code.slice(d.span.start, d.span.end)}`);
}

const CASES: Readonly<Record<string, readonly Case[]>> = {
  'pointless-command-in-run': [
    { code: 'FROM debian:12\nRUN sudo service nginx start\n', expect: ['2:10 service'] },
    { code: 'FROM debian:12\nRUN kill 1\n', expect: ['2:5 kill'] },
    { code: 'FROM debian:12\nRUN server & sleep 5; kill $!\n', expect: [] },
    { code: 'RUN top\n', expect: ['1:5 top'] },
  ],
  'sudo-in-run': [
    { code: 'FROM debian:12\nRUN env A=1 sudo -E apt-get update\n', expect: ['2:13 sudo'] },
    { code: 'FROM debian:12\nRUN apt-get install -y sudo\n', expect: [] },
    { code: 'FROM debian:12\nONBUILD RUN sudo make install\n', expect: ['2:13 sudo'] },
  ],
  'symlink-over-bin-sh': [
    { code: 'FROM debian:12\nRUN ln -sf bash /bin/sh\n', expect: ['2:17 /bin/sh'] },
    { code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh\n', expect: [] },
  ],
  'useradd-missing-no-log-init': [
    { code: 'FROM debian:12\nRUN useradd --uid=1000000 app\n', expect: ['2:13 --uid=1000000'], output: 'FROM debian:12\nRUN useradd -l --uid=1000000 app\n', unsafe: true },
    { code: 'FROM debian:12\nARG UID=1000000\nRUN useradd -u "$UID" app\n', expect: ['3:16 "$UID"'] },
    { code: 'FROM debian:12\nARG UID\nRUN useradd -u "$UID" app\n', expect: [] },
    { code: 'FROM debian:12\nRUN useradd --no-log-init -u 1000000 app\n', expect: [] },
  ],
  'apt-install-unpinned': [
    { code: 'FROM debian:12\nRUN apt-get install -y curl=${V} wget "$PKGS" ./x.deb\n', expect: ['2:34 wget'] },
    { code: 'FROM debian:12\nRUN apt-get install -t bookworm-backports -y git\n', expect: ['2:46 git'] },
  ],
  'apt-instead-of-apt-get': [
    { code: 'FROM debian:12\nRUN sudo apt install -y x\n', expect: ['2:10 apt install'], output: 'FROM debian:12\nRUN sudo apt-get install -y x\n', unsafe: true },
    { code: 'FROM debian:12\nRUN apt list --installed\n', expect: ['2:5 apt list'], output: 'FROM debian:12\nRUN apt list --installed\n', unsafe: true },
  ],
  'apk-add-unpinned': [{ code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc=13.2.1-r0 musl-dev "py3-pip>=24"\n', expect: ['2:54 musl-dev'] }],
  'yum-missing-yes': [
    { code: 'FROM centos:7\nRUN yum module install nodejs:20\n', expect: ['2:5 yum module install'], output: 'FROM centos:7\nRUN yum module install -y nodejs:20\n', unsafe: true },
    { code: 'FROM centos:7\nRUN yum --setopt=assumeyes=1 install x && yum clean all\n', expect: [] },
    { code: 'FROM centos:7\nRUN yum makecache\n', expect: [] },
  ],
  'yum-cache-not-cleaned': [
    { code: 'FROM centos:7 AS build\nRUN yum install -y gcc\nFROM centos:7\nCOPY --from=build /out /out\n', expect: [] },
    { code: 'FROM centos:7 AS build\nONBUILD RUN yum install -y gcc\nFROM centos:7\n', expect: ['2:13 yum install'] },
    { code: 'FROM centos:7\nRUN yum install -y gcc && dnf clean all\n', expect: [] },
    { code: 'FROM centos:7\nRUN yum install -y gcc # compilers\n', expect: ['2:5 yum install'], output: 'FROM centos:7\nRUN yum install -y gcc # compilers\n', unsafe: true },
  ],
  'yum-install-unpinned': [
    { code: 'FROM centos:7\nARG V\nRUN yum install -y httpd-$V\n', expect: [] },
    { code: 'FROM centos:7\nRUN yum install -y httpd-$V\n', expect: ['2:20 httpd-$V'] },
    { code: 'FROM centos:7\nRUN V=2.4.6 && yum install -y httpd-$V\n', expect: [] },
    { code: 'FROM centos:7\nENV PKG=httpd\nRUN yum install -y $PKG\n', expect: ['3:20 $PKG'] },
    { code: "FROM centos:7\nRUN yum install -y 'dnf-command(config-manager)' @development ./x.rpm\n", expect: [] },
  ],
  'dnf-missing-yes': [{ code: 'FROM fedora:42\nRUN dnf remove python3\n', expect: ['2:5 dnf remove'], output: 'FROM fedora:42\nRUN dnf remove -y python3\n', unsafe: true }],
  'dnf-cache-not-cleaned': [
    { code: 'FROM fedora:42\nRUN microdnf install -y x && microdnf clean all\n', expect: [] },
    {
      code: 'FROM fedora:42\nRUN dnf install -y a && dnf upgrade -y\n',
      expect: ['2:5 dnf install', '2:25 dnf upgrade'],
      output: 'FROM fedora:42\nRUN dnf install -y a && dnf upgrade -y && dnf clean all\n',
      unsafe: true,
    },
    { code: 'FROM fedora:42\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y a\n', expect: [] },
  ],
  'dnf-install-unpinned': [
    { code: 'FROM fedora:42\nRUN dnf -y module install nodejs\n', expect: ['2:27 nodejs'] },
    { code: 'FROM fedora:42\nRUN dnf -y install python3-devel python3-3.12.1\n', expect: ['2:20 python3-devel'] },
  ],
  'zypper-missing-non-interactive': [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper in x\n', expect: ['2:5 zypper in'], output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in x\n', unsafe: true },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in x\n', expect: [] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper refresh\n', expect: [] },
  ],
  'zypper-dist-upgrade': [{ code: 'FROM opensuse/tumbleweed\nRUN zypper -n dup\n', expect: ['2:5 zypper -n dup'] }],
  'zypper-cache-not-cleaned': [
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in x && zypper cc -a\n', expect: [] },
    { code: 'FROM opensuse/leap:15.6\nRUN zypper -n in x && rm -rf /var/cache/zypp/*\n', expect: [] },
  ],
  'zypper-install-unpinned': [{ code: 'FROM opensuse/leap:15.6\nRUN zypper -n in -t pattern devel_basis && zypper -n in gcc "make>=4"\n', expect: ['2:57 gcc'] }],
  'npm-install-unpinned': [
    {
      code: 'FROM node:22\nRUN npm i -g pnpm@latest @scope/x@1 user/repo user/repo#v1 esy@${ESY_VERSION} $PKG\n',
      expect: ['2:14 pnpm@latest', '2:37 user/repo'],
    },
    { code: 'FROM node:22\nRUN npm ci && npm install --omit dev\n', expect: [] },
  ],
  'yarn-cache-not-cleaned': [
    { code: 'FROM node:22\nRUN yarn --frozen-lockfile\n', expect: ['2:5 yarn'] },
    { code: 'FROM node:22\nRUN yarn --version && yarn build\n', expect: [] },
    { code: 'FROM node:22\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n', expect: [] },
  ],
  'gem-install-unpinned': [
    { code: 'FROM ruby:3.3\nRUN gem install --no-document rails -v 7.1.4\n', expect: [] },
    { code: 'FROM ruby:3.3\nRUN gem install --no-document rails nokogiri:1.16.7\n', expect: ['2:31 rails'] },
    { code: 'FROM ruby:3.3\nRUN gem install ./pkg/app-1.0.gem\n', expect: [] },
  ],
  'go-install-unpinned': [
    { code: 'FROM golang:1.23\nRUN go install -tags netgo -ldflags "-s -w" ./cmd/app\n', expect: [] },
    { code: 'FROM golang:1.23\nRUN go run golang.org/x/tools/cmd/stringer@v0.26.0 -type=Pill\n', expect: [] },
    { code: 'FROM golang:1.23\nRUN go get -u example.com/x@upgrade\n', expect: ['2:15 example.com/x@upgrade'] },
    { code: 'FROM golang:1.24\nRUN go install tool\n', expect: [] },
  ],
  'wget-missing-progress-option': [
    { code: 'FROM debian:12\nRUN wget -qO- https://x | sh\n', expect: [] },
    { code: 'FROM debian:12\nRUN wget -nv https://x\n', expect: [] },
    { code: 'FROM debian:12\nRUN wget -O out https://x\n', expect: ['2:5 wget'], output: 'FROM debian:12\nRUN wget -O out https://x\n', unsafe: true },
  ],
  'curl-and-wget': [
    { code: 'FROM debian:12\nRUN wget -q https://x\nONBUILD RUN curl -fsS https://y\n', expect: [] },
    { code: 'FROM debian:12\nRUN wget -q https://x && curl -fsS https://y\n', expect: ['2:5 wget'] },
  ],
  'copied-archive-extracted': [
    { code: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz -C /opt\n', expect: ['2:6 app.tar.gz'] },
    { code: 'FROM debian:12\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz\n', expect: [] },
    { code: 'FROM debian:12\nCOPY app.tar /tmp/\nRUN tar --exclude=x -cf other.tar /tmp/app.tar\n', expect: [] },
    { code: 'FROM debian:12\nCOPY app.tar /tmp/\nFROM debian:12\nRUN tar -xf /tmp/app.tar\n', expect: [] },
  ],
  'pipe-without-pipefail': [
    { code: 'FROM debian:12\nRUN curl -fsS https://x | tar -x\n', expect: ['2:25 |'] },
    { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN bash -c "curl -fsS https://x | tar -x"\n', expect: ['3:34 |'] },
    { code: 'FROM debian:12\nRUN ["/bin/bash", "-o", "pipefail", "-c", "curl -fsS https://x | tar -x"]\n', expect: [] },
    { code: 'FROM debian:12\nRUN curl -fsS https://x | tar -x && set -o pipefail\n', expect: ['2:25 |'] },
    { code: 'FROM debian:12\nRUN (set -o pipefail; curl -fsS https://x | tar -x)\n', expect: [] },
    { code: 'FROM debian:12\nRUN (set -o pipefail); curl -fsS https://x | tar -x\n', expect: ['2:44 |'] },
    { code: 'FROM debian:12\nRUN set -o pipefail; set +o pipefail; curl -fsS https://x | tar -x\n', expect: ['2:59 |'] },
    { code: 'FROM debian:12\nRUN curl -fsS https://x |& tar -x\n', expect: ['2:25 |'] },
  ],
};

describe('rules inside RUN scripts: edge cases', () => {
  for (const [rule, cases] of Object.entries(CASES)) {
    describe(rule, () => {
      cases.forEach((c, i) => {
        it(`case ${i + 1}`, () => {
          assert.deepEqual(found(rule, c.code), c.expect, c.code);
          if (c.output !== undefined) {
            const out = fixText(linter, c.code, { config: [{ select: [rule] }], settings, unsafe: c.unsafe ?? false });
            assert.equal(out.text, c.output);
          }
        });
      });
    });
  }
});
