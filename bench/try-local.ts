import { startBenchServer } from './browser/bench-server';
import { signedInPhone } from './browser/app-phone';
import { measureLighthouse } from './browser/lighthouse';
const t = performance.now();
const server = await startBenchServer();
await server.addActions(972);
try {
  await server.addOutcomes(2000);
  const full = await signedInPhone(server.url, { actions: 1000, outcomes: 2000 });
  const lh = await measureLighthouse(full.phone, server.url, 2);
  console.log(JSON.stringify(lh, null, 1));
  full.phone.dispose();
} finally { await server.close(); }
console.log('done', Math.round(performance.now() - t));
