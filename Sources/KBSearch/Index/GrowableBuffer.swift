/// A growable buffer of plain values for the builder's hot loops: appending
/// skips the uniqueness check a Swift array makes on every mutation.
///
/// It owns its memory and must be released with ``deallocate()``.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        base[count] = element
        count += 1
    }

    /// Appends `n` copies of `element`.
    @inline(__always)
    mutating func append(repeating element: Element, count n: Int) {
        if count + n > capacity { grow(to: count + n) }
        (base + count).initialize(repeating: element, count: n)
        count += n
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    mutating func removeAll() {
        count = 0
    }

    func deallocate() {
        base.deallocate()
    }

    private mutating func grow(to minimum: Int) {
        var larger = capacity * 2
        while larger < minimum { larger *= 2 }
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        storage.moveInitialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }
}
