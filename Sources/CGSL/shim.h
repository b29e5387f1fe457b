#ifndef CAPSIM_CGSL_SHIM_H
#define CAPSIM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_qrng.h>

/* GSL exports its generator types as global variables, which Swift 6 refuses to read
   ("not concurrency-safe"). These accessors return the same constant pointers. */
static inline const gsl_rng_type *capsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *capsim_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *capsim_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_qrng_type *capsim_qrng_sobol(void) { return gsl_qrng_sobol; }

/* Inline uniform draw on (0, 1): calls the generator's function pointer directly,
   as gsl_rng_uniform_pos does, without an extra call into the shared library. */
static inline double capsim_rng_uniform_pos(const gsl_rng *r) {
    double x;
    do { x = (r->type->get_double)(r->state); } while (x == 0.0);
    return x;
}

#endif
