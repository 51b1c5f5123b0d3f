/**
 * The web application in the project, found by reading its Python source (not by dependency
 * names): the framework object (`app = Flask(__name__)`, `FastAPI()`, …) or factory
 * (`def create_app(): … Flask(__name__)`), Django's `manage.py`, settings and `wsgi`/`asgi`
 * modules, and the ports the code binds (`app.run(port=…)`, `uvicorn.run(…, port=…)`).
 */
import { basename, dirname } from './paths.js';
import { qualify, type PyArg, type PyCall, type PythonModule, type Token } from './python-source.js';

export type Framework = 'flask' | 'quart' | 'fastapi' | 'starlette' | 'litestar' | 'sanic' | 'falcon' | 'bottle' | 'aiohttp' | 'tornado' | 'django';
export type AppInterface = 'wsgi' | 'asgi' | 'other';

export interface AppObject {
  readonly framework: Framework;
  readonly interface: AppInterface;
  /** Context-relative file. */
  readonly file: string;
  /** Module-level variable (instance) or function (factory). */
  readonly name: string;
  readonly factory: boolean;
  readonly line: number;
}

export interface AppPort {
  readonly file: string;
  readonly line: number;
  /** What binds: `app.run`, `uvicorn.run`, `web.run_app`, `waitress.serve`, … */
  readonly call: string;
  /** A literal port, or null when it comes from an expression. */
  readonly port: number | null;
  /** `os.environ.get("PORT", 5000)`: the variable and its fallback. */
  readonly env: { readonly name: string; readonly fallback: number | null } | null;
  /** Literal host, or null when not given or not literal. */
  readonly host: string | null;
  /** The port was not given: the call's own default. */
  readonly defaulted: boolean;
}

export interface DjangoProject {
  /** Context-relative `manage.py`. */
  readonly manage: string | null;
  readonly settingsModule: string | null;
  /** Dotted module of the file defining `application = get_wsgi_application()`, relative to the manage.py folder. */
  readonly wsgiModule: string | null;
  readonly asgiModule: string | null;
}

interface Constructor {
  readonly framework: Framework;
  readonly interface: AppInterface;
}

const CONSTRUCTORS: Readonly<Record<string, Constructor>> = {
  'flask.Flask': { framework: 'flask', interface: 'wsgi' },
  'quart.Quart': { framework: 'quart', interface: 'asgi' },
  'fastapi.FastAPI': { framework: 'fastapi', interface: 'asgi' },
  'fastapi.applications.FastAPI': { framework: 'fastapi', interface: 'asgi' },
  'starlette.applications.Starlette': { framework: 'starlette', interface: 'asgi' },
  'litestar.Litestar': { framework: 'litestar', interface: 'asgi' },
  'sanic.Sanic': { framework: 'sanic', interface: 'other' },
  'falcon.App': { framework: 'falcon', interface: 'wsgi' },
  'falcon.API': { framework: 'falcon', interface: 'wsgi' },
  'falcon.asgi.App': { framework: 'falcon', interface: 'asgi' },
  'bottle.Bottle': { framework: 'bottle', interface: 'wsgi' },
  'bottle.default_app': { framework: 'bottle', interface: 'wsgi' },
  'aiohttp.web.Application': { framework: 'aiohttp', interface: 'other' },
  'tornado.web.Application': { framework: 'tornado', interface: 'other' },
  'django.core.wsgi.get_wsgi_application': { framework: 'django', interface: 'wsgi' },
  'django.core.asgi.get_asgi_application': { framework: 'django', interface: 'asgi' },
};

/** `.run` defaults of app objects, and module-level servers: default port and host. */
const APP_RUN_DEFAULTS: Partial<Record<Framework, { port: number; host: string }>> = {
  flask: { port: 5000, host: '127.0.0.1' },
  quart: { port: 5000, host: '127.0.0.1' },
  sanic: { port: 8000, host: '127.0.0.1' },
  bottle: { port: 8080, host: '127.0.0.1' },
};
const SERVER_CALLS: Readonly<Record<string, { port: number; host: string; portIndex: number | null }>> = {
  'uvicorn.run': { port: 8000, host: '127.0.0.1', portIndex: null },
  'aiohttp.web.run_app': { port: 8080, host: '0.0.0.0', portIndex: null },
  'waitress.serve': { port: 8080, host: '0.0.0.0', portIndex: null },
  'bottle.run': { port: 8080, host: '127.0.0.1', portIndex: null },
  'granian.Granian': { port: 8000, host: '127.0.0.1', portIndex: null },
};

export function constructorOf(module: PythonModule, call: PyCall): Constructor | null {
  return CONSTRUCTORS[qualify(module, call.callee)] ?? null;
}

/** Application objects and factories defined by one module. */
export function appsIn(file: string, module: PythonModule): AppObject[] {
  const out: AppObject[] = [];
  const seen = new Set<string>();
  for (const call of module.calls) {
    const ctor = constructorOf(module, call);
    if (!ctor) continue;
    let name: string | null = null;
    let factory = false;
    if (call.assignedTo && call.inFunction === null) name = call.assignedTo;
    else if (call.inFunction && module.bindings.get(call.inFunction)?.kind === 'def') {
      name = call.inFunction;
      factory = true;
    }
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ framework: ctor.framework, interface: ctor.interface, file, name, factory, line: call.line });
  }
  return out;
}

function argAt(call: PyCall, name: string, index: number | null): PyArg | undefined {
  return call.args.find((a) => a.name === name) ?? (index === null ? undefined : call.args.filter((a) => a.name === null && !a.star)[index]);
}

function envLookup(tokens: readonly Token[]): { name: string; fallback: number | null } | null {
  // os.environ.get("PORT", 5000) · os.getenv("PORT") · environ["PORT"] · int(...) around any of them
  const text = tokens.map((t) => (t.kind === 'string' ? JSON.stringify(t.value) : t.value)).join('');
  const m = /(?:environ\.get|getenv)\("([A-Za-z_][A-Za-z0-9_]*)"(?:,(?:"(\d+)"|(\d+)))?\)/.exec(text) ?? /environ\["([A-Za-z_][A-Za-z0-9_]*)"\]/.exec(text);
  if (!m) return null;
  const fb = m[2] ?? m[3];
  return { name: m[1] as string, fallback: fb !== undefined ? Number(fb) : null };
}

function portOf(arg: PyArg | undefined): { port: number | null; env: AppPort['env'] } {
  if (!arg) return { port: null, env: null };
  if (typeof arg.literal === 'number') return { port: arg.literal, env: null };
  if (typeof arg.literal === 'string' && /^\d+$/.test(arg.literal)) return { port: Number(arg.literal), env: null };
  return { port: null, env: envLookup(arg.tokens) };
}

function hostOf(arg: PyArg | undefined): string | null {
  return typeof arg?.literal === 'string' ? arg.literal : null;
}

/** Where the module's code starts a server, and on which port. */
export function portsIn(file: string, module: PythonModule, apps: readonly AppObject[]): AppPort[] {
  const out: AppPort[] = [];
  const instances = new Map(apps.filter((a) => a.file === file && !a.factory).map((a) => [a.name, a]));
  for (const call of module.calls) {
    const q = qualify(module, call.callee);
    const server = SERVER_CALLS[q];
    let defaults: { port: number; host: string } | undefined;
    let portIndex: number | null = null;
    let hostIndex: number | null = null;
    if (server) {
      defaults = server;
      portIndex = server.portIndex;
    } else {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\.run$/.exec(call.callee);
      const app = m ? instances.get(m[1] as string) : undefined;
      if (!app) continue;
      defaults = APP_RUN_DEFAULTS[app.framework];
      if (!defaults) continue;
      hostIndex = 0;
      portIndex = 1;
    }
    const portArg = argAt(call, 'port', portIndex);
    const hostArg = argAt(call, 'host', hostIndex);
    const { port, env } = portOf(portArg);
    out.push({ file, line: call.line, call: call.callee, port: portArg ? port : defaults.port, env, host: hostArg ? hostOf(hostArg) : defaults.host, defaulted: !portArg });
  }
  return out;
}

/** Dotted module name of a context file relative to a root folder (`mysite/wsgi.py` → `mysite.wsgi`). */
export function moduleName(file: string, root = '.'): string | null {
  if (!file.endsWith('.py')) return null;
  let rel = file;
  if (root !== '.' && root !== '') {
    if (!file.startsWith(root + '/')) return null;
    rel = file.slice(root.length + 1);
  }
  const parts = rel.slice(0, -3).split('/');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.length ? parts.join('.') : null;
}

function settingsFrom(module: PythonModule): string | null {
  for (const call of module.calls) {
    if (!/(?:^|\.)setdefault$/.test(call.callee) && !/(?:^|\.)environ\.setdefault$/.test(call.callee)) continue;
    const [k, v] = call.args;
    if (k?.literal === 'DJANGO_SETTINGS_MODULE' && typeof v?.literal === 'string') return v.literal;
  }
  return null;
}

/** Django's layout from `manage.py` and the modules read. */
export function djangoProject(files: ReadonlyMap<string, PythonModule>, allPaths: readonly string[]): DjangoProject | null {
  const manage = allPaths.filter((p) => basename(p) === 'manage.py').sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0] ?? null;
  let wsgiFile: string | null = null;
  let asgiFile: string | null = null;
  let settings: string | null = null;
  for (const [file, module] of files) {
    for (const app of appsIn(file, module)) {
      if (app.framework !== 'django' || app.name !== 'application') continue;
      if (app.interface === 'wsgi') wsgiFile ??= file;
      else asgiFile ??= file;
    }
    if (basename(file) === 'manage.py' || basename(file) === 'wsgi.py' || basename(file) === 'asgi.py') settings ??= settingsFrom(module);
  }
  if (!manage && !wsgiFile && !asgiFile) return null;
  const root = manage ? dirname(manage) : '.';
  return {
    manage,
    settingsModule: settings,
    wsgiModule: wsgiFile ? moduleName(wsgiFile, root) : null,
    asgiModule: asgiFile ? moduleName(asgiFile, root) : null,
  };
}
