/* Run the built site's real search outside a browser: Material's own search worker script, the search
   index and our language plugin, exactly as the browser loads them, in a Node vm.
   Used by `make bench` (recall@3, jalur/devtools/benchmark.py) and tests/test_search.py.

     node jalur/devtools/search_run.js <site>/<lang> < request.json

   request: {"queries": ["paspor ditahan", ...]} -> {"results": [["kontak/", ...], ...]} (pages, best first)
            {"words": ["menahan", ...]}         -> {"stems": ["tahan", ...]} (the language plugin's stemmer) */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const root = process.argv[2];
const workers = path.join(root, "assets", "javascripts", "workers");
const script = fs.readdirSync(workers).find((name) => /^search\.[^.]+\.min\.js$/.test(name));
const context = { console, setTimeout, clearTimeout, structuredClone, URL, TextEncoder, TextDecoder };
context.self = context;
let handler = null;
let reply = null;
context.addEventListener = (type, fn) => { if (type === "message") handler = fn; };
context.postMessage = (message) => { reply = message; };
context.importScripts = (...urls) => {
  for (const url of urls) {
    const file = path.resolve(workers, url);
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(workers, script), "utf8"), context, { filename: script });

async function send(type, data) {
  reply = null;
  await handler({ data: { type, data } });
  return reply;
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf8"));
  const index = JSON.parse(fs.readFileSync(path.join(root, "search", "search_index.json"), "utf8"));
  await send(0, { config: index.config, docs: index.docs, options: { suggest: false } });
  const out = {};
  if (request.words) {
    const lang = context.lunr[index.config.lang[0]];
    out.stems = request.words.map((word) => lang.stemWord(word));
  }
  if (request.queries) {
    out.results = [];
    for (const query of request.queries) {
      const result = await send(2, query);
      out.results.push(result.data.items.map((group) => group[0].location.split("#")[0]));
      if (request.explain) {
        (out.explain = out.explain || []).push(result.data.items.slice(0, 5).map((group) => (
          { location: group[0].location, score: group[0].score, terms: group[0].terms })));
      }
    }
  }
  process.stdout.write(JSON.stringify(out));
}
main().catch((error) => { console.error(error); process.exit(1); });
