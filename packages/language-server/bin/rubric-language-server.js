#!/usr/bin/env node
// Starts the rubric language server; editors run it as `rubric-language-server --stdio`.
import '../dist/main.js';
