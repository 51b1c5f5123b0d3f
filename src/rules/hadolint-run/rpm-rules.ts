/** yum (DL3030, DL3032, DL3033) and dnf/microdnf (DL3038, DL3040, DL3041). */
import { defineRule, type ExampleCase, type FixExample, type Rule } from '../../engine/rule.js';
import type { ShellWord } from '../../shell/index.js';
import { programUses, shipsLayers, wordSpan } from '../commands.js';
import { appendCommand, commandSpan, insertAfter, runScript, shown, wordText } from './shared.js';
import { cleansCache, fillsCache, hasRpmCacheMount, moduleSpecPinned, promptsForConfirmation, rpmCommandText, rpmSpecPinned, rpmUse, versionVariables, type RpmProgram } from './rpm.js';

interface Family {
  readonly programs: readonly RpmProgram[];
  /** `yum` or `dnf`/`microdnf`, for docs. */
  readonly label: string;
}

const YUM: Family = { programs: ['yum'], label: '`yum`' };
const DNF: Family = { programs: ['dnf', 'microdnf'], label: '`dnf` (and `microdnf`)' };

interface Examples {
  readonly bad: readonly ExampleCase[];
  readonly good: readonly ExampleCase[];
  readonly fixed?: readonly FixExample[];
}

function missingYes(name: string, alias: string, family: Family, examples: Examples): Rule {
  return defineRule({
    name,
    practices: ['apt-no-recommends'],
    severity: 'warning',
    aliases: [alias],
    fixable: 'unsafe',
    onbuild: true,
    summary: `${family.label} without \`-y\` stops at the confirmation prompt`,
    docs: {
      what: `Reports ${family.label} commands that ask for confirmation (\`install\`, \`groupinstall\`, \`localinstall\`, \`upgrade\`, \`remove\`, \`module install\`, …) without \`-y\` / \`--assumeyes\`.`,
      why: 'A build has no terminal to answer "Is this ok [y/N]": the command reads end-of-file, takes it as "no" and fails, so the build stops there.',
      fixSafety: 'Unsafe: adds `-y` after the subcommand, which changes the RUN command (and so the image history and build cache key); the installed packages are the same.',
    },
    examples,
    create(ctx) {
      return {
        instruction(info) {
          const script = runScript(ctx, info);
          if (!script) return;
          for (const use of programUses(script)) {
            const r = rpmUse(use);
            if (!r || !family.programs.includes(r.program) || !promptsForConfirmation(r)) continue;
            const edit = insertAfter(ctx, script, r.actionWord, ' -y');
            const what = rpmCommandText(r);
            ctx.report({
              span: commandSpan(script, use, r.actionWord),
              message: `\`${what}\` without \`-y\` waits for a confirmation nobody gives, and the build fails`,
              fix: edit ? { safety: 'unsafe', title: 'Add `-y`', edits: [edit] } : null,
            });
          }
        },
      };
    },
  });
}

function cacheNotCleaned(name: string, alias: string, family: Family, examples: Examples): Rule {
  const cleanup = family.programs[0] === 'yum' ? '`yum clean all` (or `rm -rf /var/cache/yum/*`)' : '`dnf clean all` / `microdnf clean all` (or `rm -rf /var/cache/dnf /var/cache/libdnf5`)';
  return defineRule({
    name,
    practices: ['apt-clean-lists', 'layers-combined'],
    severity: 'warning',
    aliases: [alias],
    fixable: 'unsafe',
    onbuild: true,
    summary: `${family.label} installs leave the package cache in the layer`,
    docs: {
      what: `Reports ${family.label} \`install\`, \`upgrade\`, \`reinstall\` and similar commands, in a stage the final image is made of, that are not followed in the same RUN by ${cleanup}. A cache or tmpfs mount on the cache folder also satisfies it. \`microdnf\` keeps its own cache, so it needs \`microdnf clean all\`.`,
      why: 'The repository metadata and downloaded packages land in `/var/cache`: often 100 MB or more that nothing needs at run time. Removing them in a later RUN does not help, because the earlier layer keeps them; only cleaning in the RUN that filled the cache keeps them out of the image.',
      fixSafety: `Unsafe: appends ${family.programs[0] === 'yum' ? '`&& yum clean all`' : '`&& dnf clean all` (`&& microdnf clean all` after microdnf)'} to the RUN (the image loses the cache, as intended); offered only when the RUN is a plain command list.`,
    },
    examples,
    create(ctx) {
      return {
        instruction(info) {
          // ONBUILD triggers run in the image built from this one: their layers ship.
          if (!info.instruction.onbuild && !shipsLayers(ctx, info.stage)) return;
          const script = runScript(ctx, info);
          if (!script || hasRpmCacheMount(info)) return;
          const uses = programUses(script);
          const found: { use: (typeof uses)[number]; program: RpmProgram; what: string; word: ShellWord | null }[] = [];
          uses.forEach((use, k) => {
            const r = rpmUse(use);
            if (!r || !family.programs.includes(r.program) || !fillsCache(r)) return;
            if (uses.slice(k + 1).some((u) => cleansCache(u, r.program))) return;
            found.push({ use, program: r.program, what: rpmCommandText(r), word: r.actionWord });
          });
          found.forEach((f, i) => {
            const clean = `${f.program} clean all`;
            ctx.report({
              span: commandSpan(script, f.use, f.word),
              message: `\`${f.what}\` without \`${clean}\` later in the same RUN leaves the package cache in the image`,
              // One fix per RUN: the same command appended once cleans up after every install.
              fix: i === found.length - 1 ? appendCommand(info, script, clean) : null,
            });
          });
        },
      };
    },
  });
}

function installUnpinned(name: string, alias: string, family: Family, examples: Examples): Rule {
  const tool = family.programs[0] ?? 'dnf';
  return defineRule({
    name,
    practices: [],
    severity: 'warning',
    aliases: [alias],
    enabledByDefault: false,
    onbuild: true,
    fixable: 'suggestion',
    summary: `${family.label} \`install\` of a package without a version`,
    docs: {
      what: `Reports each package of ${family.label} \`install\` given without a version (\`name-<version>\`), and each module of \`module install\` given without a stream (\`name:<stream>\`). Local \`.rpm\` files, URLs, groups and capabilities such as \`dnf-command(…)\` have nothing to pin. A version held in a variable counts when the variable is an ARG declared earlier in the file (as hadolint has it), an ENV of the stage (or of the stage it builds on), or set earlier in the script; a known value is checked as it is.`,
      why: 'Without a version, each build installs whatever the repositories offer that day, so builds stop being reproducible. Off by default: pinned packages disappear from most repositories once updates are published, so pins need upkeep (or a snapshot repository) to keep building.',
      fixSafety: 'A suggestion: the version to pin (see `' + tool + ' list --showduplicates <package>`) is yours to choose.',
    },
    examples,
    create(ctx) {
      const variables = versionVariables();
      return {
        instruction(info) {
          variables.observe(info);
          const script = runScript(ctx, info);
          if (!script) return;
          for (const use of programUses(script)) {
            const r = rpmUse(use);
            if (!r || !family.programs.includes(r.program) || r.action !== 'install' || r.kind === 'group') continue;
            const resolve = variables.resolver(info, script, use.command);
            for (const w of r.specs) {
              const t = wordText(w, resolve, '1');
              if (t === null || (!t.literal && (t.unknown || t.text === ''))) continue;
              if (r.kind === 'module' ? moduleSpecPinned(t.text) : rpmSpecPinned(t.text)) continue;
              const module = r.kind === 'module';
              ctx.report({
                span: wordSpan(script, w),
                message: module
                  ? `Module \`${shown(w)}\` is installed without a stream: name it as \`${shown(w)}:<stream>\``
                  : `\`${shown(w)}\` is installed without a version: pin it as \`${shown(w)}-<version>\``,
                fix: { safety: 'suggestion', title: module ? `Pin \`${shown(w)}:<stream>\`` : `Pin \`${shown(w)}-<version>\``, edits: [] },
              });
            }
          }
        },
      };
    },
  });
}

export const yumMissingYes = missingYes('yum-missing-yes', 'DL3030', YUM, {
  bad: [{ code: 'FROM centos:7\nRUN yum install httpd && yum clean all\n' }],
  good: [{ code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' }],
  fixed: [{ input: 'FROM centos:7\nRUN yum install httpd && yum clean all\n', output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n', unsafe: true }],
});

export const yumCacheNotCleaned = cacheNotCleaned('yum-cache-not-cleaned', 'DL3032', YUM, {
  bad: [{ code: 'FROM centos:7\nRUN yum install -y httpd\n' }, { code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd\n', title: 'Cleaning before the install does not remove what the install downloads' }],
  good: [
    { code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
    { code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd\n' },
  ],
  fixed: [{ input: 'FROM centos:7\nRUN yum install -y httpd\n', output: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n', unsafe: true }],
});

export const yumInstallUnpinned = installUnpinned('yum-install-unpinned', 'DL3033', YUM, {
  bad: [{ code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' }],
  good: [
    { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
    { code: 'FROM centos:7\nARG HTTPD_VERSION=2.4.6-99.el7\nRUN yum install -y httpd-${HTTPD_VERSION} && yum clean all\n' },
  ],
});

export const dnfMissingYes = missingYes('dnf-missing-yes', 'DL3038', DNF, {
  bad: [{ code: 'FROM fedora:42\nRUN dnf install httpd && dnf clean all\n' }, { code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install python3.12 && microdnf clean all\n' }],
  good: [{ code: 'FROM fedora:42\nRUN dnf install -y httpd && dnf clean all\n' }],
  fixed: [{ input: 'FROM fedora:42\nRUN dnf install httpd && dnf clean all\n', output: 'FROM fedora:42\nRUN dnf install -y httpd && dnf clean all\n', unsafe: true }],
});

export const dnfCacheNotCleaned = cacheNotCleaned('dnf-cache-not-cleaned', 'DL3040', DNF, {
  bad: [{ code: 'FROM fedora:42\nRUN dnf install -y python3.12\n' }, { code: 'FROM fedora:42\nRUN dnf install -y python3.12 && microdnf clean all\n', title: '`microdnf clean all` does not clean the cache `dnf` filled' }],
  good: [
    { code: 'FROM fedora:42\nRUN dnf install -y python3.12 && dnf clean all\n' },
    { code: 'FROM fedora:42\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y python3.12\n' },
  ],
  fixed: [{ input: 'FROM fedora:42\nRUN dnf install -y python3.12\n', output: 'FROM fedora:42\nRUN dnf install -y python3.12 && dnf clean all\n', unsafe: true }],
});

export const dnfInstallUnpinned = installUnpinned('dnf-install-unpinned', 'DL3041', DNF, {
  bad: [{ code: 'FROM fedora:42\nRUN dnf install -y python3.12 && dnf clean all\n' }, { code: 'FROM fedora:42\nRUN dnf module install -y nodejs && dnf clean all\n' }],
  good: [
    { code: 'FROM fedora:42\nRUN dnf install -y python3.12-3.12.11 && dnf clean all\n' },
    { code: 'FROM fedora:42\nRUN dnf module install -y nodejs:20 && dnf group install -y "Development Tools" && dnf clean all\n' },
  ],
});
