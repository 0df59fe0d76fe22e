#!/usr/bin/env node
// Checks that every relative link in README.md and docs/**/*.md points at a file that exists and, for `#anchor`
// links into Markdown files, at a heading that exists (GitHub's heading slugs). External links are not fetched.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function markdownFiles() {
  const files = ["README.md"].filter((file) => existsSync(path.join(root, file)));
  const docs = path.join(root, "docs");
  if (existsSync(docs)) {
    for (const entry of readdirSync(docs, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".md")) {
        files.push(path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
      }
    }
  }
  return files.sort();
}

/** Markdown text with fenced code blocks and inline code removed, so example snippets are not checked. */
function prose(text) {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "");
}

function githubSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]+>/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const anchorCache = new Map();
function anchorsOf(file) {
  if (!anchorCache.has(file)) {
    const seen = new Map();
    const anchors = new Set();
    for (const match of prose(readFileSync(file, "utf8")).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
      const text = match[1].replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
      const base = githubSlug(text);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    anchorCache.set(file, anchors);
  }
  return anchorCache.get(file);
}

const problems = [];
let checked = 0;
for (const file of markdownFiles()) {
  const absolute = path.join(root, file);
  const text = prose(readFileSync(absolute, "utf8"));
  // Inline links and images: [text](target "title"), plus reference definitions: [id]: target
  const targets = [
    ...[...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]),
  ];
  for (const target of targets) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:, ...
    checked += 1;
    const [rawPath, anchor] = target.split("#", 2);
    const linkPath = decodeURIComponent(rawPath);
    const resolved = linkPath === "" ? absolute : path.resolve(path.dirname(absolute), linkPath);
    if (!resolved.startsWith(root + path.sep) && resolved !== root) {
      problems.push(`${file}: link leaves the repository: ${target}`);
    } else if (!existsSync(resolved)) {
      problems.push(`${file}: missing file: ${target}`);
    } else if (anchor && resolved.endsWith(".md") && statSync(resolved).isFile()) {
      if (!anchorsOf(resolved).has(anchor.toLowerCase())) problems.push(`${file}: missing heading: ${target}`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Broken documentation links (${problems.length}):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`docs links: ${checked} relative link(s) OK.`);
