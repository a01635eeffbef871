// Runs the ORIGINAL TF.js face models on the golden inputs and writes their
// outputs, the reference the converted TorchScript models are checked against.
//
//   node golden.mjs GOLDEN_DIR
//
// GOLDEN_DIR/manifest.json (written by prepare_inputs.py) lists the cases: for
// each, the model id and a raw little-endian float32 input file. This script
// runs @tensorflow/tfjs 4.22.0 with its pure-JavaScript CPU backend (no native
// binding), writes each output as GOLDEN_DIR/<case>.<output>.f32 and records
// the output files and shapes in the manifest.
//
// The models are read from node_modules (models.json says where) through a
// small IO handler, since plain tfjs in Node cannot load from file:// URLs.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

const here = path.dirname(fileURLToPath(import.meta.url));

function fileHandler(modelJsonPath) {
  return {
    load: async () => {
      const model = JSON.parse(fs.readFileSync(modelJsonPath, 'utf8'));
      const dir = path.dirname(modelJsonPath);
      const weightSpecs = [];
      const chunks = [];
      for (const group of model.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) chunks.push(fs.readFileSync(path.join(dir, shard)));
      }
      const all = Buffer.concat(chunks);
      const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
      return {
        modelTopology: model.modelTopology,
        format: model.format,
        generatedBy: model.generatedBy,
        convertedBy: model.convertedBy,
        signature: model.signature,
        userDefinedMetadata: model.userDefinedMetadata,
        weightSpecs,
        weightData,
      };
    },
  };
}

function readF32(file, count) {
  const buf = fs.readFileSync(file);
  if (buf.length !== count * 4) throw new Error(`${file}: ${buf.length} bytes, expected ${count * 4}`);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

function writeF32(file, values) {
  const buf = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) buf.writeFloatLE(values[i], i * 4);
  fs.writeFileSync(file, buf);
}

async function main() {
  const goldenDir = process.argv[2];
  if (!goldenDir) throw new Error('usage: node golden.mjs GOLDEN_DIR');
  await tf.setBackend('cpu');
  await tf.ready();
  const config = JSON.parse(fs.readFileSync(path.join(here, 'models.json'), 'utf8'));
  const manifestPath = path.join(goldenDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.reference = `@tensorflow/tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, `
    + `running the TF.js graph models of ${config.package}`;
  for (const entry of config.models) {
    const cases = manifest.cases.filter((c) => c.model === entry.id);
    if (cases.length === 0) continue;
    const model = await tf.loadGraphModel(fileHandler(path.join(here, config.sourceDir, entry.source)));
    for (const c of cases) {
      const count = c.input.shape.reduce((a, b) => a * b, 1);
      const input = tf.tensor(readF32(path.join(goldenDir, c.input.file), count), c.input.shape, 'float32');
      const results = model.execute({ [entry.input.name]: input }, entry.outputs.map((o) => o.tensor));
      const list = Array.isArray(results) ? results : [results];
      c.outputs = entry.outputs.map((o, i) => {
        const file = `${c.id}.${o.name}.f32`;
        writeF32(path.join(goldenDir, file), list[i].dataSync());
        return { name: o.name, tensor: o.tensor, file, shape: list[i].shape, dtype: 'float32' };
      });
      tf.dispose([input, ...list]);
      console.log(`${c.id}: ${c.outputs.map((o) => `${o.name}[${o.shape}]`).join(', ')}`);
    }
    model.dispose();
  }
  // keep short number arrays (shapes, ranges) on one line
  const text = JSON.stringify(manifest, null, 2)
    .replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_, items) => `[${items.split(/,\s+/).join(', ')}]`);
  fs.writeFileSync(manifestPath, `${text}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
