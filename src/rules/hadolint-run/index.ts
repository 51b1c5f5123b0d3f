/** The rules that look inside RUN scripts the way hadolint's DL rules do, in documentation order. */
import type { Rule } from '../../engine/rule.js';
import { apkAddUnpinned, aptInstallUnpinned, aptInsteadOfAptGet } from './apt-apk.js';
import { copiedArchiveExtracted } from './archive.js';
import { curlAndWget, wgetMissingProgressOption } from './downloads.js';
import { gemInstallUnpinned, goInstallUnpinned, npmInstallUnpinned, yarnCacheNotCleaned } from './language-packages.js';
import { pipeWithoutPipefail } from './pipefail.js';
import { dnfCacheNotCleaned, dnfInstallUnpinned, dnfMissingYes, yumCacheNotCleaned, yumInstallUnpinned, yumMissingYes } from './rpm-rules.js';
import { pointlessCommandInRun, sudoInRun, symlinkOverBinSh, useraddMissingNoLogInit } from './system-commands.js';
import { zypperCacheNotCleaned, zypperDistUpgrade, zypperInstallUnpinned, zypperMissingNonInteractive } from './zypper.js';

export const HADOLINT_RUN_RULES: readonly Rule[] = [
  // System packages: apt, apk
  aptInsteadOfAptGet,
  aptInstallUnpinned,
  apkAddUnpinned,
  // yum, dnf, microdnf
  yumMissingYes,
  yumCacheNotCleaned,
  yumInstallUnpinned,
  dnfMissingYes,
  dnfCacheNotCleaned,
  dnfInstallUnpinned,
  // zypper
  zypperMissingNonInteractive,
  zypperDistUpgrade,
  zypperCacheNotCleaned,
  zypperInstallUnpinned,
  // Language packages
  npmInstallUnpinned,
  yarnCacheNotCleaned,
  gemInstallUnpinned,
  goInstallUnpinned,
  // Downloads and archives
  wgetMissingProgressOption,
  curlAndWget,
  copiedArchiveExtracted,
  // Shell and system commands
  pipeWithoutPipefail,
  sudoInRun,
  symlinkOverBinSh,
  useraddMissingNoLogInit,
  pointlessCommandInRun,
];
