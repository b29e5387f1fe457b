import Foundation
import CGSL
import SimKernel
import Testing

/// Seeds spread over the 32-bit range taus2 uses (below 2^32 the stream's seed folding keeps them as they are).
private let seeds: [UInt64] = [1, 2, 3, 7, 42, 0x9E37_79B9, 0xFFFF_FFFF, 123_456_789]

/// A GSL taus2 generator seeded as `RandomStream(seed:)` seeds its own, for comparison.
private func referenceGenerator(_ seed: UInt64) -> UnsafeMutablePointer<gsl_rng> {
    let r = gsl_rng_alloc(capsim_rng_taus2())!
    gsl_rng_set(r, UInt(seed))
    return r
}

@Test("Inline taus2 draws are GSL's gsl_rng_get sequence, bit for bit, for several seeds")
func inlineTauswortheMatchesGSL() {
    for seed in seeds {
        let stream = RandomStream(seed: seed)
        let reference = referenceGenerator(seed)
        defer { gsl_rng_free(reference) }
        var mismatches = 0
        for _ in 0..<250_000 where UInt(stream.source.bits32()) != gsl_rng_get(reference) { mismatches += 1 }
        #expect(mismatches == 0, "seed \(seed): \(mismatches) of 250000 draws differ from gsl_rng_get")
    }
}

@Test("Inline uniforms equal gsl_rng_uniform_pos, and GSL samplers on the shared generator continue the same stream")
func inlineUniformsInterleaveWithGSLSamplers() {
    for seed in seeds {
        let stream = RandomStream(seed: seed)
        let reference = referenceGenerator(seed)
        defer { gsl_rng_free(reference) }
        var mismatches = 0
        for i in 0..<100_000 {
            // A Weibull draw through the stream (GSL's sampler on the stream's generator) every third draw.
            if i % 3 == 0 {
                let viaStream = Sampler(.weibull(shape: 1.5, scale: 2)).sample(stream.source)
                let viaGSL = gsl_ran_weibull(reference, 2, 1.5)
                if viaStream != viaGSL { mismatches += 1 }
            } else if stream.uniform() != gsl_rng_uniform_pos(reference) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0, "seed \(seed): \(mismatches) of 100000 draws differ from GSL")
    }
}
