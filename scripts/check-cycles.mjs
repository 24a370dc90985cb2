#!/usr/bin/env node
// Finds import cycles among the project's own TypeScript files (src/ and adapters/), type imports
// included: a type-only circle still ties the modules' designs together, so it counts too.
// Usage: node scripts/check-cycles.mjs [root]. Prints each circle and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));
const DIRS = ['src', 'adapters'];

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// `import ... from 'x'`, `export ... from 'x'`, `import 'x'` and `import('x')`, over several lines.
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function importGraph(base = root) {
  const graph = new Map();
  for (const file of DIRS.flatMap((d) => files(join(base, d)))) {
    const deps = new Set();
    for (const m of stripComments(readFileSync(file, 'utf8')).matchAll(SPECIFIER)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec?.startsWith('.')) continue;
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (existsSync(target) && target.endsWith('.ts')) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): Tarjan. */
export function findCycles(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const cycles = [];
  const visit = (v) => {
    info.set(v, { index, low: index, onStack: true });
    index += 1;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!info.has(w)) {
        visit(w);
        info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
      } else if (info.get(w).onStack) {
        info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
      }
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return cycles;
}

/** One concrete circle through a component, for a readable message: a -> b -> ... -> a. */
function circleIn(graph, component) {
  const members = new Set(component);
  const start = component[0];
  const seen = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const path = [v];
        for (let p = seen.get(v); p; p = seen.get(p)) path.unshift(p);
        return [...path, start];
      }
      if (members.has(w) && !seen.has(w)) {
        seen.set(w, v);
        queue.push(w);
      }
    }
  }
  return component;
}

if (resolve(process.argv[1] ?? '') === resolve(import.meta.filename)) {
  const graph = importGraph();
  const cycles = findCycles(graph);
  const rel = (f) => relative(root, f);
  if (cycles.length === 0) {
    process.stdout.write(`no import cycles among ${graph.size} files\n`);
  } else {
    for (const c of cycles) {
      process.stdout.write(`cycle of ${c.length} files: ${c.map(rel).join(', ')}\n  e.g. ${circleIn(graph, c).map(rel).join(' -> ')}\n`);
    }
    process.exitCode = 1;
  }
}
