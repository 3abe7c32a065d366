#!/usr/bin/env python3
"""Writes each fuzz target's seed corpus (Fuzz/seeds/<target>/) from the
project's own test inputs: the fixtures, the bundled examples and the rule
examples' files (as `manifest-lint rule ID` prints them). Run from the
repository root after building: python3 Fuzz/seeds.py .build/debug/manifest-lint"""
import hashlib, json, os, re, subprocess, sys

binary = sys.argv[1] if len(sys.argv) > 1 else '.build/debug/manifest-lint'
out = 'Fuzz/seeds'
seeds = {t: set() for t in ['FuzzJSON', 'FuzzYAML', 'FuzzShell', 'FuzzJavaScript', 'FuzzPython', 'FuzzGo', 'FuzzGlobs', 'FuzzConfiguration', 'FuzzCheck']}

def add(target, text):
    if text and len(text) < 20000:
        seeds[target].add(text)

def classify(path, text):
    name = os.path.basename(path)
    if name.endswith('.json'):
        add('FuzzJSON', text)
        if name == 'package.json':
            try:
                for script in (json.loads(text).get('scripts') or {}).values():
                    if isinstance(script, str): add('FuzzShell', script)
            except Exception:
                pass
    elif name.endswith(('.yaml', '.yml')):
        add('FuzzYAML', text)
        if name == '.manifest-lint.yaml': add('FuzzConfiguration', text)
    elif name.endswith(('.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.tsx', '.jsx')):
        add('FuzzJavaScript', text)
    elif name.endswith('.py'):
        add('FuzzPython', text)
    elif name.endswith('.go'):
        add('FuzzGo', text)

# Files on disk: examples/ and Tests/Fixtures/.
for root in ['examples', 'Tests/Fixtures']:
    for directory, _, names in os.walk(root):
        for name in names:
            path = os.path.join(directory, name)
            try:
                text = open(path, encoding='utf-8').read()
            except Exception:
                continue
            classify(path, text)

# The rule examples, one project each for the whole check.
rules = json.loads(subprocess.run([binary, 'rules', '--format', 'json'], capture_output=True, text=True).stdout)
for rule in rules:
    doc = subprocess.run([binary, 'rule', rule['id']], capture_output=True, text=True).stdout
    for example in re.split(r'\nExample \d+ \([^)]*\):\n', doc)[1:]:
        files = {}
        current = None
        for line in example.split('\n'):
            m = re.match(r'  --- (.*)$', line)
            if m:
                current = m.group(1); files[current] = []
            elif line.startswith('After the fix') or line.startswith('Before the change') or line.startswith('  => '):
                current = None if line.startswith(('After', 'Before')) else current
                if line.startswith(('After', 'Before')): break
            elif current is not None and line.startswith('  '):
                files[current].append(line[2:].replace('↓', ''))
        project = {path: ('' if lines == ['(empty)'] else '\n'.join(lines) + '\n') for path, lines in files.items()}
        for path, text in project.items():
            classify(path, text)
        parts = [project.pop('Pulumi.yaml', '')] + [f'--- {path}\n{text}' for path, text in project.items()]
        add('FuzzCheck', '\n'.join(parts))

for pattern in ['lib/*.{ts,tsx}', 'bin/**/*.mjs', 'src/[a-z]*.ts', '**/?(*.)+(spec|test).[jt]s?(x)', '!dist/**', '{a,{b,c}}/x', '[!abc]*', 'a\\*b']:
    for path in ['lib/a.ts', 'bin/x/y.mjs', 'src/index.ts', 'test/a.test.ts', 'dist/x.js']:
        add('FuzzGlobs', pattern + '\n' + path)
# The constructs PythonTokenizerTests builds its programs from.
for text in ["x = f'a{b!r:>{w}}c'\n", "f\"{x['k']}{f'{y}'}\"\n", "f\"{\"a\" + b}\"\n", "s = r'\\d+' + b'\\x00' + '''tri\nple'''\n",
             "if x:\n    call(1,\n         2)  # c\n\telse_ = 0x1F + 1_000 * 2.5e-3j\n", "total = 1 + \\\n    2\n",
             "f'''{\n x\n}'''\n", "f'{x=}' f'\\N{BULLET} {v}'\n", "def f(a, *b, **c) -> int:\n    return a @ b\n"]:
    add('FuzzPython', text)
# The configuration texts that ConfigurationTests parses, as Swift writes them.
swift = open('Tests/ManifestLintTests/ConfigurationTests.swift', encoding='utf-8').read()
for literal in re.findall(r'"((?:[^"\\\n]|\\.)*)"', swift):
    text = literal.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
    if re.match(r'(rules|rulez|exclude|per-path|known-namespaces|global-binaries):', text): add('FuzzConfiguration', text)
for block in re.findall(r'"""\n(.*?)\n( *)"""', swift, re.S):
    add('FuzzConfiguration', '\n'.join(line[len(block[1]):] for line in block[0].split('\n')) + '\n')
add('FuzzConfiguration', 'rules:\n  script-binary-undeclared: off\n  config-empty-value: error\nexclude: ["legacy/**"]\nper-path:\n  "stacks/sandbox/**":\n    config-missing-value: off\nknown-namespaces: [shared]\nglobal-binaries: [firebase]\n')

for target, texts in seeds.items():
    os.makedirs(os.path.join(out, target), exist_ok=True)
    for text in texts:
        data = text.encode('utf-8')
        open(os.path.join(out, target, hashlib.sha1(data).hexdigest()[:16]), 'wb').write(data)
    print(target, len(texts))
