import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests

/// The paths a module opens, found through each way of naming the reader.
struct ProgramPathsTests {
    static func uses(_ source: String) -> [String] {
        let module = JSModule(file: SourceFile(path: "/p/index.ts", text: source))
        return ProgramPaths.uses(in: module).map { "\($0.reader) \($0.written)" }
    }

    @Test(arguments: [
        ("import * as pulumi from '@pulumi/pulumi';\nnew pulumi.asset.FileArchive('./a');", ["pulumi.asset.FileArchive './a'"]),
        ("import { asset } from '@pulumi/pulumi';\nnew asset.FileAsset('a.txt');", ["asset.FileAsset 'a.txt'"]),
        ("import { FileArchive as Archive } from '@pulumi/pulumi/asset';\nnew Archive(dir);", ["Archive dir"]),
        ("const pulumi = require('@pulumi/pulumi');\nconst asset = pulumi.asset;\nnew asset.FileArchive(`./x`);", ["asset.FileArchive `./x`"]),
        ("import * as pulumi from '@pulumi/pulumi';\nnew pulumi.asset.AssetArchive({ 'a': new pulumi.asset.FileAsset('./a.js'), b: new pulumi.asset.StringAsset('x') });",
         ["pulumi.asset.FileAsset './a.js'"]),
        ("import * as docker from '@pulumi/docker';\nnew docker.Image('i', { imageName: 'x', build: { context: './app', dockerfile: './app/Dockerfile' } });",
         ["docker.Image build.context './app'", "docker.Image build.dockerfile './app/Dockerfile'"]),
        ("import * as docker from '@pulumi/docker';\nnew docker.Image('i', { imageName: 'x', build: './app' });", ["docker.Image build './app'"]),
        ("import * as db from '@pulumi/docker-build';\nnew db.Image('i', { context: { location: 'app' } });", ["db.Image context.location 'app'"]),
        ("import * as awsx from '@pulumi/awsx';\nnew awsx.ecr.Image('i', { repositoryUrl: u, context: './app' });", ["awsx.ecr.Image context './app'"]),
        ("import { readFileSync } from 'node:fs';\nconst p = readFileSync('policy.json', 'utf8');", ["readFileSync 'policy.json'"]),
        ("import * as fs from 'fs';\nawait fs.promises.readFile('a');\nfs.readdirSync(\n  './dir'\n);", ["fs.promises.readFile 'a'", "fs.readdirSync './dir'"]),
        ("import { readFile } from 'fs/promises';\nawait readFile('x.json');", ["readFile 'x.json'"]),
        // fs's callback form hands a missing file to the callback, which may well expect it.
        ("import * as fs from 'fs';\nfs.readFile('./maybe.json', (err, data) => {});", []),
        ("const data = require('./data.json');\nconst lib = require('./lib');", ["require './data.json'"]),
        // Not the readers: other packages, other members, shadowing names, a method of some object.
        ("import * as aws from '@pulumi/aws';\nnew aws.ecr.Image('x');\nnew FileArchive('./a');\nconfig.readFileSync('x');", []),
        // Code in a function handed to a call or set as a property may run in a Lambda.
        ("import * as fs from 'fs';\nbucket.onObjectCreated('h', async () => { fs.readFileSync('./t.html'); });\nnew Fn({ callback: () => fs.readFileSync('./u') });\nconst helper = () => fs.readFileSync('./v');",
         ["fs.readFileSync './v'"]),
    ])
    func readersAreFoundThroughTheirNames(_ source: String, _ expected: [String]) {
        #expect(Self.uses(source) == expected)
    }

    @Test func aChangeOfDirectoryIsSeen() {
        #expect(ProgramPaths.changesDirectory(JSModule(file: SourceFile(path: "/p/a.js", text: "process.chdir(__dirname);\n"))))
        #expect(!ProgramPaths.changesDirectory(JSModule(file: SourceFile(path: "/p/a.js", text: "shell.chdir('x'); // process.chdir\n"))))
    }
}
