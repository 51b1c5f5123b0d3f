/** Every rule dockwise has, in documentation order. */
import type { Rule } from '../engine/rule.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import { apkMissingNoCache, aptListsNotCleaned, aptMissingNoInstallRecommends, aptMissingYes, aptUpdateAlone } from './apt-rules.js';
import { pipInstallUnpinned, pipMissingNoCacheDir } from './pip-rules.js';
import { cdInRun, chownAfterCopy, cleanupInSeparateLayer, compilersInFinalStage, consecutiveRun, copyBeforeDependencies } from './run-rules.js';
import { pipSystemPython } from './venv.js';
import baseImageAlpinePython from './base-image-alpine-python.js';
import baseImageFullVariant from './base-image-full-variant.js';
import baseImageLatestTag from './base-image-latest-tag.js';
import baseImageUntagged from './base-image-untagged.js';
import { cmdShellForm, multipleCmd, multipleEntrypoint, multipleHealthcheck } from './cmd.js';
import { debugModeEnabled, flaskEnvDeprecated } from './flask-debug.js';
import missingHealthcheck from './healthcheck.js';
import maintainerDeprecated from './maintainer.js';
import missingOciLabels from './oci-labels.js';
import pythonEndOfLife from './python-end-of-life.js';
import { missingPythonDontWriteBytecode, missingPythonUnbuffered } from './python-env.js';
import { developmentServer, exposeMismatch, missingExpose, serverBoundToLoopback } from './server-rules.js';
import unusedSuppression from './unused-suppression.js';
import { missingUser, userRoot } from './user.js';
import workdirRelative from './workdir-relative.js';
import { PARITY_RULES } from './parity/index.js';
import { HADOLINT_RUN_RULES } from './hadolint-run/index.js';

export const RULES: readonly Rule[] = [
  // Base image
  baseImageFullVariant,
  baseImageAlpinePython,
  baseImageLatestTag,
  baseImageUntagged,
  pythonEndOfLife,
  // Environment
  missingPythonUnbuffered,
  missingPythonDontWriteBytecode,
  debugModeEnabled,
  flaskEnvDeprecated,
  // User
  missingUser,
  userRoot,
  chownAfterCopy,
  // System and Python packages
  aptMissingNoInstallRecommends,
  aptMissingYes,
  aptListsNotCleaned,
  aptUpdateAlone,
  apkMissingNoCache,
  pipMissingNoCacheDir,
  pipInstallUnpinned,
  pipSystemPython,
  // Layers and build cache
  copyBeforeDependencies,
  consecutiveRun,
  cleanupInSeparateLayer,
  addInsteadOfCopy,
  compilersInFinalStage,
  workdirRelative,
  cdInRun,
  // Runtime
  cmdShellForm,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  developmentServer,
  serverBoundToLoopback,
  exposeMismatch,
  missingExpose,
  missingHealthcheck,
  // Metadata
  maintainerDeprecated,
  missingOciLabels,
  // hadolint and BuildKit parity
  ...PARITY_RULES,
  // hadolint's checks inside RUN scripts
  ...HADOLINT_RUN_RULES,
  // Meta
  unusedSuppression,
];
