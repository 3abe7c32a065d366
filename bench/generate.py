#!/usr/bin/env python3
"""Generates the synthetic repositories the benchmark runs on.

    generate.py projects N DIR      N Pulumi projects (one in ten with a mistake)
    generate.py bigrepo DIR         a git repository of 10,000 tracked files holding one project
    generate.py program DIR         one JavaScript project with 50 source files of 500 lines and their tests

Each project has Pulumi.yaml, two stack files, a package.json with about 20
scripts, a tsconfig.json, an entry file and a few sources, in the shapes of
pulumi/templates. Deterministic: the same arguments give the same tree.
"""
import json
import os
import subprocess
import sys

SCRIPTS = {
    "build": "tsc -p tsconfig.json",
    "clean": "rm -rf bin",
    "test": "jest --coverage",
    "test:watch": "jest --watch",
    "lint": "eslint 'src/**/*.ts'",
    "format": "prettier --write 'src/**/*.ts' index.ts",
    "format:check": "prettier --check 'src/**/*.ts'",
    "preview": "pulumi preview --stack dev",
    "up": "npm run build && pulumi up --stack dev --yes",
    "up:prod": "pulumi up --stack prod --yes",
    "destroy": "pulumi destroy --stack dev --yes",
    "refresh": "pulumi refresh --stack dev --yes",
    "outputs": "pulumi stack output --json > outputs.json",
    "config:dev": "pulumi config --stack dev",
    "typecheck": "tsc --noEmit",
    "ci": "npm run lint && npm run test && npm run build",
    "prepare": "npm run build",
    "start": "node bin/index.js",
    "docs": "echo 'see README'",
    "version": "node -e \"console.log(require('./package.json').version)\"",
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def project(directory, index):
    name = f"service-{index:05d}"
    broken = index % 10 == 9
    write(os.path.join(directory, "Pulumi.yaml"),
          f"name: {name}\nruntime:\n  name: nodejs\n  options:\n    packagemanager: npm\n"
          f"description: Synthetic project {index}\nconfig:\n  instanceCount:\n    type: integer\n    default: 2\n")
    write(os.path.join(directory, "Pulumi.dev.yaml"),
          f"config:\n  aws:region: us-west-2\n  {name}:instanceCount: \"3\"\n")
    # One project in ten carries a mistake: a stack key under an old project name.
    stale = "  oldname:dbPassword: hunter2\n" if broken else ""
    write(os.path.join(directory, "Pulumi.prod.yaml"),
          f"config:\n  aws:region: us-east-1\n  {name}:instanceCount: \"6\"\n{stale}")
    package = {
        "name": name,
        "version": "1.0.0",
        "main": "index.ts",
        "scripts": SCRIPTS,
        "devDependencies": {"@types/node": "^20", "typescript": "^5.4.0", "jest": "^29.7.0",
                            "eslint": "^9.0.0", "prettier": "^3.3.0"},
        "dependencies": {"@pulumi/pulumi": "^3.130.0", "@pulumi/aws": "^6.50.0"},
    }
    write(os.path.join(directory, "package.json"), json.dumps(package, indent=2) + "\n")
    write(os.path.join(directory, "tsconfig.json"), json.dumps({
        "compilerOptions": {"strict": True, "outDir": "bin", "target": "es2020", "module": "commonjs"},
        "include": ["index.ts", "src/**/*.ts"],
    }, indent=2) + "\n")
    write(os.path.join(directory, "index.ts"),
          'import * as pulumi from "@pulumi/pulumi";\nimport { network } from "./src/network";\n'
          'const config = new pulumi.Config();\nexport const vpc = network(config.requireNumber("instanceCount"));\n')
    write(os.path.join(directory, "src", "network.ts"), "export function network(count: number) { return `vpc-${count}`; }\n")
    write(os.path.join(directory, "src", "storage.ts"), "export const bucketName = 'logs';\n")
    write(os.path.join(directory, "src", "network.test.ts"), "import { network } from './network';\ntest('n', () => expect(network(1)).toBe('vpc-1'));\n")


def projects(count, root):
    for index in range(count):
        # Two levels of directories, as a monorepo of teams and services would have.
        project(os.path.join(root, f"team-{index // 100:03d}", f"service-{index:05d}"), index)


def bigrepo(root, files=10_000):
    project(os.path.join(root, "infra"), 0)
    existing = sum(len(names) for _, _, names in os.walk(os.path.join(root, "infra")))
    for index in range(files - existing):
        write(os.path.join(root, "src", f"m{index // 100:03d}", f"f{index}.ts"), f"export const v{index} = {index};\n")
    environment = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
                       GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com")
    subprocess.run(["git", "init", "-q", "-b", "main", root], check=True, env=environment)
    subprocess.run(["git", "-C", root, "add", "-A"], check=True, env=environment)
    subprocess.run(["git", "-C", root, "commit", "-q", "-m", "synthetic"], check=True, env=environment)
    # The change a commit would carry: one manifest and one program file of the
    # project (the program file is read on both sides, against HEAD).
    path = os.path.join(root, "infra", "package.json")
    with open(path, encoding="utf-8") as handle:
        text = handle.read().replace('"version": "1.0.0"', '"version": "1.0.1"')
    write(path, text)
    program = os.path.join(root, "infra", "index.ts")
    with open(program, encoding="utf-8") as handle:
        text = handle.read() + 'export const region = config.get("region") ?? "us-west-2";\n'
    write(program, text)
    subprocess.run(["git", "-C", root, "add", "infra/package.json", "infra/index.ts"], check=True, env=environment)


def source_module(index, lines=500):
    """An ES module of `lines` lines in the shapes Pulumi programs have:
    resources with names and args, template literals, comments, regular
    expressions, helper functions; it imports the next module."""
    out = [
        "// Synthetic module: resources, helpers and the strings around them.",
        "import * as pulumi from '@pulumi/pulumi';",
        "import * as aws from '@pulumi/aws';",
        f"import {{ helper{index + 1} }} from './module-{index + 1:02d}.mjs';" if index < 49 else "export const last = true;",
        "const config = new pulumi.Config();",
        "const env = config.get('environmentSuffix') || pulumi.getStack();",
        f"export const code{index} = new pulumi.asset.FileArchive('./lambda');",
        f"export function helper{index}(value) {{",
        "  return String(value).replace(/[^a-z0-9-]/g, '-') / 1 ? value : `${value}`;",
        "}",
    ]
    block = 0
    while len(out) < lines - 12:
        name = f"r{index}x{block}"
        out += [
            f"/* {name}: a bucket and its policy; `Date.now()` here is only a comment */",
            f"const {name} = new aws.s3.Bucket('{name}', {{",
            f"  bucket: `{name}-${{env}}`,",
            f"  tags: {{ Name: '{name}', CreatedAt: new Date().toISOString(), Team: 'platform' }},",
            "});",
            f"new aws.s3.BucketPolicy('{name}-policy', {{",
            f"  bucket: {name}.id,",
            f"  policy: pulumi.all([{name}.arn, env]).apply(([arn, e]) => JSON.stringify({{ Version: '2012-10-17', Resource: `${{arn}}/*`, e }})),",
            "});",
            f"export const {name}Url = pulumi.interpolate`https://${{{name}.bucketDomainName}}/index.html`;",
            f"console.log(`created {name} at ${{Date.now()}}`);",
        ]
        block += 1
    out.append("export default {};")
    return "\n".join(out[:lines]) + "\n"


def program(root, modules=50):
    write(os.path.join(root, "Pulumi.yaml"), "name: program\nruntime: nodejs\nmain: src/module-00.mjs\n")
    write(os.path.join(root, "Pulumi.dev.yaml"), "config:\n  program:environmentSuffix: dev\n")
    write(os.path.join(root, "package.json"), json.dumps({
        "name": "program", "version": "1.0.0", "type": "module", "scripts": {"test": "jest"},
        "devDependencies": {"jest": "^29.7.0"},
        "dependencies": {"@pulumi/pulumi": "^3.130.0", "@pulumi/aws": "^6.50.0"},
    }, indent=2) + "\n")
    write(os.path.join(root, "src", "lambda", "index.js"), "exports.handler = async () => 'ok';\n")
    for index in range(modules):
        write(os.path.join(root, "src", f"module-{index:02d}.mjs"), source_module(index))
        write(os.path.join(root, "test", f"module-{index:02d}.test.mjs"),
              "jest.mock('@pulumi/pulumi', () => ({ ...jest.requireActual('@pulumi/pulumi') }));\n"
              f"import {{ helper{index} }} from '../src/module-{index:02d}.mjs';\n"
              f"test('h', () => expect(helper{index}('a')).toBe('a'));\n")
    # The same check with the rules that read the program's source off, to measure what they add.
    write(os.path.join(root, "..", "program-rules-off.yaml"), "rules:\n" + "".join(
        f"  {rule}: off\n" for rule in ["nondeterministic-resource-name", "incomplete-pulumi-mock",
                                          "module-format-mismatch", "esm-entry-require", "asset-path-missing"]))
    # What asset-path-missing adds: path-case-mismatch, which reads the same program paths, off in both.
    write(os.path.join(root, "..", "path-case-mismatch-off.yaml"), "rules:\n  path-case-mismatch: off\n")
    write(os.path.join(root, "..", "asset-path-missing-off.yaml"), "rules:\n  path-case-mismatch: off\n  asset-path-missing: off\n")


def python_module(index, lines=300):
    """A Python module of `lines` lines in the shapes Pulumi programs have:
    resources with names and keyword arguments, f-strings, comments, helper
    functions; it imports the next module."""
    out = [
        '"""Synthetic module: resources, helpers and the strings around them."""',
        "import json",
        "import pulumi",
        "import pulumi_aws as aws",
        f"from module_{index + 1:02d} import helper_{index + 1}" if index < 49 else "LAST = True",
        "",
        "config = pulumi.Config()",
        "env = config.get('environmentSuffix') or pulumi.get_stack()",
        f"code_{index} = pulumi.FileArchive('./lambda')",
        "",
        f"def helper_{index}(value):",
        "    # A helper the next module imports.",
        "    return str(value).replace('_', '-')",
        "",
    ]
    block = 0
    while len(out) < lines - 8:
        name = f"r{index}x{block}"
        out += [
            f"# {name}: a bucket and its policy; time.time() here is only a comment",
            f"{name} = aws.s3.BucketV2('{name}', bucket=f'{name}-{{env}}',",
            f"                          tags={{'Name': '{name}', 'Team': 'platform'}})",
            f"aws.s3.BucketPolicy('{name}-policy', bucket={name}.id,",
            f"                    policy={name}.arn.apply(lambda arn: json.dumps({{'Version': '2012-10-17', 'Resource': f'{{arn}}/*'}})))",
            f"pulumi.export('{name}_url', pulumi.Output.concat('https://', {name}.bucket_domain_name, '/index.html'))",
            "",
        ]
        block += 1
    while len(out) < lines:
        out.append("# (end of module)")
    return "\n".join(out[:lines]) + "\n"


def python_program(root, modules=50):
    write(os.path.join(root, "Pulumi.yaml"), "name: pyprogram\nruntime: python\n")
    write(os.path.join(root, "Pulumi.dev.yaml"), "config:\n  pyprogram:environmentSuffix: dev\n")
    write(os.path.join(root, "requirements.txt"), "pulumi>=3.0.0,<4.0.0\npulumi-aws>=6.0.0,<7.0.0\n")
    write(os.path.join(root, "lambda", "handler.py"), "def main(event, context):\n    return 'ok'\n")
    write(os.path.join(root, "__main__.py"), "import module_00\n")
    for index in range(modules):
        write(os.path.join(root, f"module_{index:02d}.py"), python_module(index))
    # The same check with the rules that read the program's source off, to measure what they add.
    write(os.path.join(root, "..", "python-rules-off.yaml"), "rules:\n" + "".join(
        f"  {rule}: off\n" for rule in ["nondeterministic-resource-name", "asset-path-missing", "path-case-mismatch",
                                          "pulumi-sdk-missing"]))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "projects":
        projects(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "bigrepo":
        bigrepo(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "program":
        program(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "python-program":
        python_program(sys.argv[2])
    else:
        sys.exit(__doc__)
