/// A growable buffer of plain values owned by one simulation (it is `~Copyable`, so it is never
/// shared and never copied on write): element access is a pointer offset, with no
/// copy-on-write check, for per-entity state that the event loop touches on every event.
///
/// `Element` must be a trivial type (no references), since the buffer moves it with memcpy.
public struct SlotBuffer<Element>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    /// Number of elements.
    public var count: Int { used }
    /// Valid indices, 0 ..< count.
    public var indices: Range<Int> { 0..<used }
    /// The first element's address: valid until the buffer grows (an `append` beyond its capacity) or is freed.
    public var baseAddress: UnsafeMutablePointer<Element> { base }
    @usableFromInline var used = 0

    public init(reservingCapacity capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// A buffer holding `count` copies of `value`.
    public init(repeating value: Element, count: Int) {
        capacity = max(count, 16)
        base = .allocate(capacity: capacity)
        base.initialize(repeating: value, count: count)
        used = count
    }

    deinit {
        base.deinitialize(count: used)
        base.deallocate()
    }

    /// Appends `element` and returns its index.
    @discardableResult @inlinable
    public mutating func append(_ element: Element) -> Int {
        if used == capacity { grow() }
        (base + used).initialize(to: element)
        used += 1
        return used - 1
    }

    @usableFromInline
    mutating func grow() {
        do {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
    }

    /// Removes and returns the last element, or nil when empty (use as a stack).
    @inlinable
    public mutating func popLast() -> Element? {
        guard used > 0 else { return nil }
        used -= 1
        return (base + used).move()
    }

    /// The element at `index` (0 ..< count; not checked in release builds).
    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count)
            return UnsafePointer(base + index)
        }
        nonmutating unsafeMutableAddress {
            assert(index >= 0 && index < count)
            return base + index
        }
    }
}
