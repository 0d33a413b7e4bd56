// Trains one classifier off the main thread (the server keeps answering while it trains): receives
// { examples, version }, answers the serialised model. The sources are TypeScript, loaded through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { trainClassifier } = await import('./classifier/train.ts');
const { serializeModel } = await import('./classifier/model-artefact.ts');
const model = trainClassifier(workerData.examples, { version: workerData.version });
parentPort.postMessage(new Uint8Array(serializeModel(model)));
