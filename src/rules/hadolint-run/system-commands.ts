/** Commands that do not belong in a build step: host tools, sudo, a replaced /bin/sh, useradd's lastlog. */
import { defineRule } from '../../engine/rule.js';
import { commandName, effectiveCommand, parseOptions, type OptionSpec, type ShellWord } from '../../shell/index.js';
import { programUses, wordSpan } from '../commands.js';
import { insertAfter, programWord, runScript, wordText } from './shared.js';

const POINTLESS: ReadonlyMap<string, string> = new Map([
  ['free', 'shows the memory of the build container, which says nothing about where the image will run'],
  ['kill', 'has nothing to signal: no process outlives the RUN that started it'],
  ['mount', 'cannot mount file systems in an unprivileged build, and a mount would not outlive the RUN'],
  ['ps', 'lists the processes of the build step only'],
  ['service', 'starts a daemon that dies when the RUN ends; start services from CMD or ENTRYPOINT'],
  ['shutdown', 'has no machine to shut down'],
  ['ssh', 'opens a session nobody can answer; fetch sources with a build secret or `RUN --mount=type=ssh`'],
  ['top', 'is interactive and never returns in a build'],
  ['vim', 'is interactive and waits for a user who is not there'],
]);

export const pointlessCommandInRun = defineRule({
  name: 'pointless-command-in-run',
  practices: [],
  severity: 'info',
  aliases: ['DL3001'],
  onbuild: true,
  summary: 'A RUN calls a host or interactive command that makes no sense while building an image',
  docs: {
    what: 'Reports `free`, `kill`, `mount`, `ps`, `service`, `shutdown`, `ssh`, `top` and `vim` run in a RUN script (also through `sudo`, `env` and other wrappers). A `kill` of a job the same RUN started in the background is fine.',
    why: 'A RUN is a short-lived, non-interactive process whose only lasting effect is the files it leaves. Interactive tools wait for a user who is not there, `service … start` starts a daemon that is gone when the step ends, and system tools describe the build container, not the one that will run the image. Such a line is usually copied from a shell session, and either hangs the build or does nothing.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN service postgresql start && psql -c "CREATE DATABASE app"\n' }, { code: 'FROM debian:12\nRUN top -b -n 1 && ps aux\n', count: 2 }],
    good: [
      { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends openssh-client procps\n' },
      { code: 'FROM debian:12\nRUN firefox --headless & sleep 10; kill $! || true\n', title: 'Stopping a job the same RUN started' },
    ],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          const why = POINTLESS.get(use.program);
          const word = programWord(use);
          if (why === undefined || !word) continue;
          // `server & … kill $!`: stopping a job this RUN started in the background is fine.
          if (use.program === 'kill' && script.shell.commands.some((c) => c.index < use.command.index && c.context.background)) continue;
          ctx.report({ span: wordSpan(script, word), message: `\`${use.program}\` ${why}` });
        }
      },
    };
  },
});

export const sudoInRun = defineRule({
  name: 'sudo-in-run',
  practices: ['user-non-root'],
  severity: 'error',
  aliases: ['DL3004'],
  onbuild: true,
  summary: '`sudo` in a RUN: switch users with `USER` (or `gosu`/`su-exec`) instead',
  docs: {
    what: 'Reports `sudo` in a RUN script, also behind other wrappers (`env A=1 sudo …`).',
    why: 'RUN already runs as the user the last `USER` set, usually root, so `sudo` either does nothing or means the image ships sudo and a sudoers entry: a ready-made privilege escalation for anyone who gets a shell in the container. sudo also expects a terminal and a PAM setup, and it changes how signals reach the child. Run privileged steps before `USER app`, and use `gosu`/`su-exec` to drop privileges at run time.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl\n', count: 2 }],
    good: [{ code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER app\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const command of script.shell.commands) {
          if (!command.name) continue;
          let word: ShellWord | null = commandName(command) === 'sudo' ? command.name : null;
          word ??= effectiveCommand(command).wrappers.find((w) => w.name === 'sudo')?.word ?? null;
          if (!word) continue;
          ctx.report({ span: wordSpan(script, word), message: '`sudo` in a build step: RUN already runs as the current `USER`; do root work before `USER`, and use `gosu`/`su-exec` at run time' });
        }
      },
    };
  },
});

const LN_OPTIONS: OptionSpec = { short: 'St', long: ['suffix', 'target-directory', 'backup'] };

export const symlinkOverBinSh = defineRule({
  name: 'symlink-over-bin-sh',
  practices: [],
  severity: 'warning',
  aliases: ['DL4005'],
  onbuild: true,
  fixable: 'suggestion',
  summary: '`ln … /bin/sh` replaces the system shell: use `SHELL` to pick the shell for RUN',
  docs: {
    what: 'Reports `ln` whose link name is `/bin/sh` (`ln -sf /bin/bash /bin/sh`).',
    why: 'Pointing `/bin/sh` at another shell changes it for every program in the image, including package maintainer scripts and anything that calls `system()`, which were written for the distribution\'s own `/bin/sh`. If the goal is bash features in RUN, the `SHELL` instruction selects the shell for the following RUN, CMD and ENTRYPOINT (shell form) without touching the file system.',
    fixSafety: 'A suggestion: add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUNs that need bash and drop the `ln`; whether bash exists in the image is yours to check.',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n' }],
    good: [{ code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN source /etc/os-release && echo "$VERSION_CODENAME"\n' }, { code: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n' }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'ln') continue;
          const parsed = parseOptions(use.args, LN_OPTIONS);
          const target = parsed.get('target-directory') ?? parsed.get('t');
          const links = target ? [] : parsed.positionals.length >= 2 ? parsed.positionals.slice(-1) : [];
          const link = links.find((w) => w.value !== null && /^\/+bin\/+sh\/*$/.test(w.value));
          if (!link) continue;
          ctx.report({
            span: wordSpan(script, link),
            message: '`ln` replaces `/bin/sh` for every program in the image: select the shell for RUN with the `SHELL` instruction instead',
            fix: { safety: 'suggestion', title: 'Use `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` instead of relinking /bin/sh', edits: [] },
          });
        }
      },
    };
  },
});

const USERADD_OPTIONS: OptionSpec = {
  short: 'bcdefgGkKpsuURPZ',
  long: ['base-dir', 'comment', 'home-dir', 'expiredate', 'inactive', 'gid', 'groups', 'skel', 'key', 'password', 'shell', 'uid', 'root', 'prefix', 'selinux-user', 'selinux-range'],
  aliases: { u: 'uid', l: 'no-log-init' },
};

export const useraddMissingNoLogInit = defineRule({
  name: 'useradd-missing-no-log-init',
  practices: ['user-non-root'],
  severity: 'warning',
  aliases: ['DL3046'],
  onbuild: true,
  fixable: 'unsafe',
  summary: '`useradd` with a large UID and without `-l` can write a huge sparse lastlog file into the layer',
  docs: {
    what: 'Reports `useradd -u <uid>` with a UID of more than five digits and without `-l` / `--no-log-init`.',
    why: '`useradd` records every user in `/var/log/lastlog` and `/var/log/faillog`, files indexed by UID. For a UID such as 1000000 they become sparse files of hundreds of megabytes or more; image layers do not keep files sparse, so the layer (and every pull) carries the full size, and builds can run out of disk. `-l` skips those log files, which a container never needs.',
    fixSafety: 'Unsafe: adds `-l` after `useradd`; the image changes as the rule intends (no lastlog/faillog entries for the user).',
  },
  examples: {
    bad: [{ code: 'FROM debian:12\nRUN useradd -u 1000000 app\n' }],
    good: [{ code: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n' }, { code: 'FROM debian:12\nRUN useradd -u 10001 app\n' }],
    fixed: [{ input: 'FROM debian:12\nRUN useradd -u 1000000 app\n', output: 'FROM debian:12\nRUN useradd -l -u 1000000 app\n', unsafe: true }],
  },
  create(ctx) {
    return {
      instruction(info) {
        const script = runScript(ctx, info);
        if (!script) return;
        for (const use of programUses(script)) {
          if (use.program !== 'useradd') continue;
          const parsed = parseOptions(use.args, USERADD_OPTIONS);
          const uid = parsed.get('uid');
          if (!uid?.valueWord || parsed.has('no-log-init')) continue;
          // `-u $UID`: the ARG/ENV value, when the Dockerfile gives one.
          const value = uid.valueWord === uid.word ? uid.value : wordText(uid.valueWord, (name) => info.scope.value(name) ?? null)?.text;
          if (value === null || value === undefined || !/^\d{6,}$/.test(value)) continue;
          const word = programWord(use);
          const edit = insertAfter(ctx, script, word, ' -l');
          ctx.report({
            span: wordSpan(script, uid.valueWord),
            message: `UID ${value} without \`-l\`: useradd writes a lastlog/faillog entry at that offset, a sparse file the layer stores at full size`,
            fix: edit ? { safety: 'unsafe', title: 'Add `-l` (`--no-log-init`)', edits: [edit] } : null,
          });
        }
      },
    };
  },
});
