#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// The threads that discovery and the checks run on: every worker number
/// called once, helpers that run beside the caller on every CPU the process
/// may use, and CPU masks.
struct WorkerThreadsTests {
    @Test(arguments: [0, 1, 2, 3, 64])
    func eachWorkerNumberIsCalledOnceAndTheCallWaitsForAll(requested: Int) {
        let calls = Mutex<[Int]>([])
        let finished = Atomic<Int>(0)
        WorkerThreads.run(requested) { worker in
            calls.withLock { $0.append(worker) }
            // A helper still running when run returns would be caught here.
            usleep(2_000)
            finished.add(1, ordering: .sequentiallyConsistent)
        }
        let expected = min(requested, WorkerThreads.cpuCount)
        #expect(calls.withLock { $0.sorted() } == Array(0..<expected))
        let finishedCount = finished.load(ordering: .sequentiallyConsistent)
        #expect(finishedCount == expected)
    }

    @Test func workerZeroRunsOnTheCallingThread() {
        let caller = pthread_self()
        let onCaller = Mutex<[Int: Bool]>([:])
        WorkerThreads.run(WorkerThreads.cpuCount) { worker in
            let same = pthread_equal(pthread_self(), caller) != 0
            onCaller.withLock { $0[worker] = same }
        }
        let seen = onCaller.withLock { $0 }
        #expect(seen[0] == true)
        #expect(seen.filter { $0.key != 0 }.allSatisfy { !$0.value })
    }

    #if os(Linux) && !MANIFEST_LINT_PORTABLE
    /// A helper is created allowed only on the other CPUs (so that it starts
    /// on one at once), and must allow itself all of the process's again.
    @Test(.enabled(if: WorkerThreads.cpuCount > 1, "one CPU: no helper thread is started"))
    func aStartedHelperMayRunOnEveryCPUOfTheProcess() throws {
        let process = try #require(CPUMask.ofCallingThread())
        let helperMasks = Mutex<[CPUMask?]>([])
        WorkerThreads.run(2) { worker in
            if worker == 1 { helperMasks.withLock { $0.append(CPUMask.ofCallingThread()) } }
        }
        #expect(helperMasks.withLock { $0 } == [process])
    }

    @Test func cpuMasks() {
        var mask = CPUMask()
        mask.words[0] = 0b1011
        mask.words[1] = 1
        #expect(mask.count == 4)
        #expect(mask.contains(0) && mask.contains(1) && !mask.contains(2) && mask.contains(3) && mask.contains(64))
        #expect(!mask.contains(-1) && !mask.contains(1_024) && !mask.contains(65))
        #expect(mask.removing(1).words[0] == 0b1001)
        #expect(mask.removing(64).words[1] == 0)
        #expect(mask.removing(2) == mask)
        #expect(mask.removing(-1) == mask)
        #expect(mask.removing(5_000) == mask)
    }

    @Test func theProcessMaskCountsTheCPUsOfTheProcess() throws {
        let mask = try #require(CPUMask.ofCallingThread())
        #expect(mask.count == WorkerThreads.cpuCount)
        #expect(mask.count <= sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
    #endif
}
