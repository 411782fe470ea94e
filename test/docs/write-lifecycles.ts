/** `npm run docs:lifecycles`: rewrites docs/lifecycles.md from rulesets/*.json. */
import { writeFileSync } from 'node:fs';
import { LIFECYCLES_DOC, renderLifecycles } from './lifecycles.js';

writeFileSync(LIFECYCLES_DOC, renderLifecycles());
console.log(`wrote ${LIFECYCLES_DOC}`);
