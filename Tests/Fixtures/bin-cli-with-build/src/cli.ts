#!/usr/bin/env node
console.log('ops');
