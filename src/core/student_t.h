/*
 * student_t.h
 *	  Student's t distribution through the regularized incomplete beta
 *	  function (pure C, no PostgreSQL headers).
 */
#ifndef ECO_STUDENT_T_H
#define ECO_STUDENT_T_H

/*
 * Regularized incomplete beta function I_x(a, b) for a, b > 0; NaN when
 * its continued fraction does not converge.
 */
extern double eco_incomplete_beta(double a, double b, double x);

/*
 * Two-sided p-value of Student's t with df > 0 degrees of freedom: 0 for an
 * infinite t, 1 for t = 0; NaN when the incomplete beta does not converge.
 */
extern double eco_student_t_p(double t, double df);

#endif							/* ECO_STUDENT_T_H */
