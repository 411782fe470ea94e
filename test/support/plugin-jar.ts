import { readFileSync } from 'node:fs';

/** The test rule plugin, built by test/fixtures/plugin/build.sh (javac + jar) from the sources beside it. */
export const ACME_JAR = readFileSync(new URL('../fixtures/plugin/acme-custom-1.2.0.jar', import.meta.url));
