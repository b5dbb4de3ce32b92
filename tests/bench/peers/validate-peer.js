// The Node.js peer of `frontis validate`, for tests/bench/benchvalidate.cpp: reads every .md file
// below a folder (hidden folders and node_modules skipped, as Frontis does), parses its front
// matter with gray-matter (js-yaml inside), checks that the QuickTakes schema's required fields
// are there and that id, url and file_name are unique, and prints its figures as one JSON object:
//   {"files": N, "problems": N, "ms": N, "filesPerSecond": N, "workers": N}
// Files are spread over one worker thread per core, as Frontis spreads them.
//
//   NODE_PATH=<folder with node_modules> node validate-peer.js FOLDER
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const REQUIRED = ['_schema', 'id', 'date', 'title', 'article_title', 'date_format', 'post_on_text',
  'seo.title', 'seo.page_description', 'seo.page_keywords', 'author', 'question', 'answer',
  'subject', 'file_name', 'url', 'score'];
const UNIQUE = ['id', 'url', 'file_name'];
const SKIPPED = new Set(['node_modules', 'bower_components', '__pycache__', 'vendor']);

function lookup(data, dotted) {
  let v = data;
  for (const part of dotted.split('.')) {
    if (v === null || typeof v !== 'object' || !(part in v))
      return undefined;
    v = v[part];
  }
  return v;
}

function check(files) {
  const matter = require('gray-matter');
  const out = [];
  for (const file of files) {
    const result = { file, problems: 0, unique: [] };
    try {
      // gray-matter caches by content unless options are given; an empty options object keeps
      // every file parsed, as a validator must.
      const parsed = matter(fs.readFileSync(file, 'utf8'), {});
      for (const key of REQUIRED) {
        const v = lookup(parsed.data, key);
        if (v === undefined || v === null || v === '')
          result.problems += 1;
      }
      for (const key of UNIQUE) {
        const v = lookup(parsed.data, key);
        if (v !== undefined && v !== null)
          result.unique.push(key + '\u001f' + String(v));
      }
    } catch (e) {
      result.problems += 1;
    }
    out.push(result);
  }
  return out;
}

function walk(folder, files) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.'))
      continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name))
        walk(full, files);
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
      files.push(full);
    }
  }
  return files;
}

if (!isMainThread) {
  parentPort.postMessage(check(workerData));
} else {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('usage: node validate-peer.js FOLDER\n');
    process.exit(2);
  }
  const started = process.hrtime.bigint();
  const files = walk(path.resolve(folder), []).sort();
  const workers = Math.max(1, Math.min(os.availableParallelism ? os.availableParallelism() : os.cpus().length, files.length));
  const share = Math.ceil(files.length / workers);
  const jobs = [];
  for (let w = 0; w < workers; ++w) {
    const part = files.slice(w * share, (w + 1) * share);
    jobs.push(new Promise((resolve, reject) => {
      const worker = new Worker(__filename, { workerData: part });
      worker.once('message', resolve);
      worker.once('error', reject);
    }));
  }
  Promise.all(jobs).then((parts) => {
    let problems = 0;
    const seen = new Map();
    for (const result of parts.flat()) {
      problems += result.problems;
      for (const value of result.unique)
        seen.set(value, (seen.get(value) || 0) + 1);
    }
    for (const count of seen.values()) {
      if (count > 1)
        problems += count;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    process.stdout.write(JSON.stringify({
      files: files.length, problems, ms: Math.round(ms * 10) / 10,
      filesPerSecond: Math.round(files.length * 1000 / ms), workers }) + '\n');
    process.exit(problems > 0 ? 1 : 0);
  }, (error) => {
    process.stderr.write(String(error) + '\n');
    process.exit(2);
  });
}
