// Loads the studio's wasm (built by Trunk next to this file); the studio
// mounts itself into #studio.
import init from './symptom-checker-studio.js';

init();
