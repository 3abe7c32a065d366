import ManifestLintFindings

/// What the linter knows about commands without node_modules: the binaries
/// of well-known packages, and the commands a machine has anyway.
enum WellKnownCommands {
    /// Package name → the commands it installs in node_modules/.bin.
    static let binariesByPackage: [String: [String]] = [
        "typescript": ["tsc", "tsserver"],
        "ts-node": ["ts-node", "ts-node-esm", "ts-node-script", "ts-node-transpile-only", "ts-script"],
        "tsx": ["tsx"],
        "jest": ["jest"], "jest-cli": ["jest"],
        "mocha": ["mocha", "_mocha"],
        "vitest": ["vitest"],
        "ava": ["ava"],
        "jasmine": ["jasmine"],
        "eslint": ["eslint"],
        "prettier": ["prettier"],
        "@biomejs/biome": ["biome"],
        "oxlint": ["oxlint"],
        "tslint": ["tslint"],
        "standard": ["standard"],
        "xo": ["xo"],
        "stylelint": ["stylelint"],
        "markdownlint-cli": ["markdownlint"],
        "rimraf": ["rimraf"],
        "del-cli": ["del", "del-cli"],
        "mkdirp": ["mkdirp"],
        "shx": ["shx"],
        "copyfiles": ["copyfiles", "copyup"],
        "cpy-cli": ["cpy"],
        "ncp": ["ncp"],
        "nodemon": ["nodemon"],
        "concurrently": ["concurrently", "conc"],
        "npm-run-all": ["npm-run-all", "run-s", "run-p"],
        "npm-run-all2": ["npm-run-all", "run-s", "run-p"],
        "cross-env": ["cross-env", "cross-env-shell"],
        "dotenv-cli": ["dotenv"],
        "env-cmd": ["env-cmd"],
        "wait-on": ["wait-on"],
        "start-server-and-test": ["start-server-and-test", "server-test", "start-test"],
        "webpack": ["webpack"], "webpack-cli": ["webpack", "webpack-cli"],
        "rollup": ["rollup"],
        "vite": ["vite"],
        "esbuild": ["esbuild"],
        "tsup": ["tsup"],
        "@swc/cli": ["swc"],
        "@babel/cli": ["babel"],
        "@babel/node": ["babel-node"],
        "tsc-alias": ["tsc-alias"],
        "nyc": ["nyc"],
        "c8": ["c8"],
        "husky": ["husky"],
        "lint-staged": ["lint-staged"],
        "@commitlint/cli": ["commitlint"],
        "lerna": ["lerna"],
        "nx": ["nx"],
        "turbo": ["turbo"],
        "typedoc": ["typedoc"],
        "prisma": ["prisma"],
        "serve": ["serve"],
        "http-server": ["http-server"],
        "pm2": ["pm2"],
        "aws-cdk": ["cdk"],
        "serverless": ["serverless", "sls"],
        "@playwright/test": ["playwright"],
        "playwright": ["playwright"],
        "cypress": ["cypress"],
        "knip": ["knip"],
        "depcheck": ["depcheck"],
        "madge": ["madge"],
        "patch-package": ["patch-package"],
        "semantic-release": ["semantic-release"],
    ]

    /// Package name → the peer dependencies it requires (not optional ones),
    /// which npm 7 and later install with it: ts-jest brings jest and tsc.
    /// Read from node_modules instead when the package is installed.
    static let requiredPeersByPackage: [String: [String]] = [
        "ts-jest": ["jest", "typescript"],
        "ts-node": ["typescript"],
        "typedoc": ["typescript"],
        "ts-loader": ["typescript", "webpack"],
        "fork-ts-checker-webpack-plugin": ["typescript", "webpack"],
        "typescript-eslint": ["eslint", "typescript"],
        "@typescript-eslint/eslint-plugin": ["eslint", "@typescript-eslint/parser"],
        "@typescript-eslint/parser": ["eslint"],
        "eslint-config-prettier": ["eslint"],
        "eslint-plugin-prettier": ["eslint", "prettier"],
        "eslint-plugin-jest": ["eslint"],
        "eslint-plugin-import": ["eslint"],
        "eslint-plugin-n": ["eslint"],
        "eslint-plugin-node": ["eslint"],
        "eslint-plugin-promise": ["eslint"],
        "eslint-config-airbnb-base": ["eslint", "eslint-plugin-import"],
        "eslint-config-standard": ["eslint", "eslint-plugin-import", "eslint-plugin-n", "eslint-plugin-promise"],
        "prettier-plugin-organize-imports": ["prettier", "typescript"],
        "@vitest/coverage-v8": ["vitest"],
        "@vitest/ui": ["vitest"],
    ]

    /// Command → the packages that provide it.
    static let packagesByBinary: [String: [String]] = {
        var map: [String: [String]] = [:]
        for (package, binaries) in binariesByPackage {
            for binary in binaries { map[binary, default: []].append(package) }
        }
        return map.mapValues { $0.sorted() }
    }()

    /// Commands a developer's machine or CI has without this package
    /// declaring them: package managers, Pulumi, git, shells and their
    /// builtins, coreutils and the usual command-line tools.
    static let globals: Set<String> = [
        "node", "npm", "npx", "yarn", "pnpm", "pnpx", "bun", "bunx", "corepack", "deno", "pulumi", "esc",
        "git", "sh", "bash", "zsh", "dash", "fish", "env", "sudo", "time", "nohup", "exec", "nice", "command", "builtin",
        "cd", "echo", "printf", "test", "[", "[[", "true", "false", "exit", "export", "set", "unset", "source", ".", ":",
        "eval", "read", "shift", "trap", "wait", "kill", "type", "which", "pwd", "pushd", "popd", "sleep", "umask", "ulimit",
        "cp", "mv", "rm", "mkdir", "rmdir", "touch", "cat", "ls", "ln", "chmod", "chown", "find", "xargs", "grep", "egrep",
        "sed", "awk", "tr", "cut", "sort", "uniq", "head", "tail", "wc", "tee", "date", "basename", "dirname", "realpath",
        "readlink", "stat", "du", "df", "diff", "cmp", "comm", "paste", "seq", "yes", "md5sum", "sha256sum", "base64",
        "tar", "zip", "unzip", "gzip", "gunzip", "curl", "wget", "ssh", "scp", "rsync", "openssl", "jq", "yq", "make",
        "aws", "gcloud", "az", "kubectl", "helm", "docker", "docker-compose", "podman", "terraform", "localstack",
        "python", "python3", "pip", "pip3", "go", "java", "dotnet", "ruby", "open", "xdg-open", "clear", "uname", "id",
        "whoami", "hostname", "ps", "lsof", "nc", "ping", "watch", "tput", "cmd", "powershell", "pwsh",
    ]
}
