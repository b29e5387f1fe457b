/// A growable buffer of plain values owned by one simulation (it is `~Copyable`, so it is never
/// shared and never copied on write): element access is a pointer offset, with no
/// copy-on-write check, for per-entity state that the event loop touches on every event.
///
/// `Element` must be a trivial type (no references), since the buffer moves it with memcpy.
public struct SlotBuffer<Element>: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var capacity: Int
    /// Number of elements.
    public private(set) var count = 0

    public init(reservingCapacity capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Appends `element` and returns its index.
    @discardableResult
    public mutating func append(_ element: Element) -> Int {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
        return count - 1
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
