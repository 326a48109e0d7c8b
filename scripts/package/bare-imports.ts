// The package names a built JavaScript file loads at run time: import/export … from statements,
// side-effect imports, dynamic import() and require() with a literal bare specifier (not ./relative,
// not an absolute path). Used by the main-bundle test and the package check to prove what stays
// outside the bundle. Statements are matched at the start of a line, as bundlers emit them, so that
// text such as `from "90"` in a comment is not taken for an import.

const PATTERNS = [
  /^\s*(?:import|export)\b[^;\n]*?\bfrom\s*(["'])([^"'\n]+)\1/gm,
  /^\s*import\s*(["'])([^"'\n]+)\1/gm,
  /\b(?:import|require)\s*\(\s*(["'])([^"'\n]+)\1\s*\)/g,
];

/** Sorted, unique package names (with a subpath if any), `node:` built-ins included. */
export function bareImports(source: string): string[] {
  const names = new Set<string>();
  for (const pattern of PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const spec = match[2] ?? '';
      if (spec.startsWith('.') || spec.startsWith('/') || /^[a-z]+:\/\//i.test(spec)) continue;
      names.add(spec);
    }
  }
  return [...names].sort();
}
