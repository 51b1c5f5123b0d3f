/**
 * Build-context facts, browser-safe: everything reads through an injected `ProjectReader`.
 * `readProject(reader, { dockerfile })` → `ProjectFacts`.
 */
export { readProject, type PackageManager, type PackageManagerFacts, type ProjectFacts, type ProjectProblem, type PythonFacts, type ReadProjectOptions, type RequirementsManifest } from './facts.js';
export { BuildContext, type SourceResolution, type SourceState } from './context.js';
export { copyIgnoredBy, decide, isExcluded, parseDockerignore, type IgnoreDecision, type IgnoreFile, type IgnorePattern } from './dockerignore.js';
export { DEFAULT_LIMITS, memoryReader, opaqueReason, overlayReader, type ContextEntry, type ContextListing, type EntryType, type OpaqueReason, type ProjectLimits, type ProjectReader } from './reader.js';
export { normalizeName, parseRequirement, type Requirement } from './pep508.js';
export { parseRequirementsText, type RequirementLine, type RequirementsFile } from './requirements.js';
export type { Dependency, LockFile, LockManager, Pipfile, PyProject } from './manifests.js';
export { declarationAllows, type PythonDeclaration } from './python-version.js';
export { analyzeModule, definesName, qualify, type PythonModule } from './python-source.js';
export { moduleName, type AppObject, type AppPort, type DjangoProject, type Framework } from './app.js';
export { cleanPath, contextPath } from './paths.js';
