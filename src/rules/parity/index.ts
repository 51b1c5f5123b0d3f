/** The hadolint-parity rules outside RUN scripts, BuildKit's build checks, and BuildKit's build errors. */
import type { Rule } from '../../engine/rule.js';
import { invalidArguments, invalidFlag, unknownInstruction } from './build-errors.js';
import { asKeywordCasing, instructionCasingInconsistent, stageNameNotLowercase } from './casing.js';
import { descriptionCommentInvalid, inlineIgnorePragma } from './comments.js';
import { copyFromOwnStage, copyFromUnknownStage, copyIgnoredFile, copyMultipleSourcesNotDir, copyRelativeDestination, copyWholeFilesystem } from './copy.js';
import { envSelfReference, legacyKeyValueFormat, secretInArgOrEnv } from './env.js';
import { exposeHostMapping, exposeInvalidPort, exposeProtocolUppercase } from './expose.js';
import { fromArgDefaultInvalid, fromUndefinedArg } from './from-args.js';
import { emptyContinuationLine, onbuildInvalidTrigger, userNotNumeric } from './instructions.js';
import { labelEmpty, labelKeyInvalid, labelMissing, labelNotInSchema, labelValueInvalid } from './labels.js';
import { baseImagePlatformMismatch, fromPlatformConstant, platformTargetRedundant } from './platform.js';
import { untrustedRegistry } from './registry.js';
import { instructionBeforeFrom, stageNameDuplicate, stageNameReserved } from './stages.js';
import { undefinedVariable } from './undefined-variable.js';

export const PARITY_RULES: readonly Rule[] = [
  // Build errors BuildKit raises before building
  unknownInstruction,
  invalidFlag,
  invalidArguments,
  instructionBeforeFrom,
  onbuildInvalidTrigger,
  copyMultipleSourcesNotDir,
  copyFromOwnStage,
  exposeInvalidPort,
  // Stages and base images
  stageNameDuplicate,
  stageNameReserved,
  stageNameNotLowercase,
  fromUndefinedArg,
  fromArgDefaultInvalid,
  fromPlatformConstant,
  platformTargetRedundant,
  baseImagePlatformMismatch,
  untrustedRegistry,
  // Style and syntax
  instructionCasingInconsistent,
  asKeywordCasing,
  emptyContinuationLine,
  legacyKeyValueFormat,
  // Variables and secrets
  undefinedVariable,
  envSelfReference,
  secretInArgOrEnv,
  // Files
  copyRelativeDestination,
  copyFromUnknownStage,
  copyWholeFilesystem,
  copyIgnoredFile,
  // Runtime
  userNotNumeric,
  exposeProtocolUppercase,
  exposeHostMapping,
  // Metadata
  labelKeyInvalid,
  labelMissing,
  labelNotInSchema,
  labelEmpty,
  labelValueInvalid,
  descriptionCommentInvalid,
  // Meta
  inlineIgnorePragma,
];
