#if os(Linux) && !MANIFEST_LINT_PORTABLE
import CSystemCalls
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on every CPU the process may use, on threads of its own.
///
/// Why not Dispatch's pool: on the machine the benchmark runs on, the kernel
/// places a new or long-idle thread on the CPU of the thread that wakes it
/// (a virtual machine that packs its vCPUs), so a run's first parallel loop
/// went on one CPU for 1 to 3 ms, until the load balancer moved the pool's
/// thread to the idle one. A thread here is created allowed only on the CPUs
/// other than its creator's, so it starts on one of them at once, and then
/// allows itself every CPU the process may use again. That placement uses
/// Linux's CPU affinity; elsewhere, and in the portable build
/// (`-DMANIFEST_LINT_PORTABLE`), threads start where the system puts them.
public enum WorkerThreads {
    /// The CPUs the process may run on: on Linux its affinity mask, so that
    /// `taskset` and cgroup CPU sets count; at least one.
    public static let cpuCount = max(allowedCPUCount ?? sysconf(Int32(_SC_NPROCESSORS_ONLN)), 1)

    /// Calls `body` once with each worker number in `0..<count` (at most
    /// `cpuCount` of them): number 0 on the calling thread, the others each
    /// on a thread of its own. Returns when every call has returned. A
    /// number whose thread cannot be created is called on the calling thread
    /// afterwards.
    public static func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let count = min(count, cpuCount)
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            var threads: [pthread_t] = []
            var notStarted: [Int] = []
            for worker in 1..<count {
                if let thread = start({ body(worker) }) {
                    threads.append(thread)
                } else {
                    notStarted.append(worker)
                }
            }
            body(0)
            for thread in threads { pthread_join(thread, nil) }
            for worker in notStarted { body(worker) }
        }
    }

    /// What a new thread runs, handed to it through pthread_create's context pointer.
    private final class ThreadStart: @unchecked Sendable {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Creates a thread that runs `body`; nil when it cannot be created.
    private static func create(_ body: @escaping () -> Void, configure: (inout pthread_attr_t) -> Bool = { _ in true },
                               onStart: @escaping () -> Void = {}) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard configure(&attributes) else { return nil }
        let context = Unmanaged.passRetained(ThreadStart { onStart(); body() }).toOpaque()
        // An optional pointer on macOS, an integer on Linux.
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(&thread, &attributes, { context in
            // Optional on Linux, not on macOS.
            let context: UnsafeMutableRawPointer? = context
            guard let context else { return nil }
            Unmanaged<ThreadStart>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(context).release()
            return nil
        }
        return thread
    }

    #if os(Linux) && !MANIFEST_LINT_PORTABLE
    /// Creates a thread that runs `body`, allowed to start on the CPUs other
    /// than the caller's (anywhere, should the system refuse those); nil when
    /// it cannot be created.
    private static func start(_ body: @escaping () -> Void) -> pthread_t? {
        if let elsewhere = allowedCPUs?.removing(Int(manifest_lint_current_cpu())), elsewhere.count > 0,
           let thread = create(body, configure: { attributes in
               elsewhere.words.withUnsafeBytes { manifest_lint_set_start_cpus(&attributes, $0.baseAddress, $0.count) } == 0
           }, onStart: {
               // Started: every CPU the process may use is allowed again.
               _ = WorkerThreads.allowedCPUs?.words.withUnsafeBytes { manifest_lint_allow_cpus($0.baseAddress, UInt($0.count)) }
           }) {
            return thread
        }
        return create(body)
    }

    /// The process's affinity mask when the run started; nil when the system does not say.
    private static let allowedCPUs = CPUMask.ofCallingThread()
    private static var allowedCPUCount: Int? { allowedCPUs?.count }
    #else
    /// Creates a thread that runs `body`; nil when it cannot be created.
    private static func start(_ body: @escaping () -> Void) -> pthread_t? { create(body) }
    private static let allowedCPUCount: Int? = nil
    #endif
}

#if os(Linux) && !MANIFEST_LINT_PORTABLE
/// A set of CPUs in the kernel's layout (glibc's cpu_set_t: bits of 64-bit words, 1,024 CPUs).
struct CPUMask: Equatable {
    var words = [UInt64](repeating: 0, count: 16)

    init(words: [UInt64] = [UInt64](repeating: 0, count: 16)) {
        self.words = words
    }

    /// The CPUs the calling thread may run on; nil when the kernel refuses (more CPUs than the mask holds).
    static func ofCallingThread() -> CPUMask? {
        var mask = CPUMask()
        let written = mask.words.withUnsafeMutableBytes { manifest_lint_allowed_cpus($0.baseAddress, UInt($0.count)) }
        return written > 0 && mask.count > 0 ? mask : nil
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    func contains(_ cpu: Int) -> Bool {
        (0..<words.count * 64).contains(cpu) && words[cpu / 64] & (1 << UInt64(cpu % 64)) != 0
    }

    /// The same set without `cpu` (unchanged when `cpu` is not in it, or negative: unknown).
    func removing(_ cpu: Int) -> CPUMask {
        guard contains(cpu) else { return self }
        var mask = self
        mask.words[cpu / 64] &= ~(1 << UInt64(cpu % 64))
        return mask
    }
}
#endif
