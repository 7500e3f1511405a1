extension String {
    /// The text of `scalars`, encoded as UTF-8 straight into the new string (a scalar view built
    /// from them, for each claim's text, took 0.03 ms a briefing).
    init(scalars: ArraySlice<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}
