/* n-body: the same algorithm as bench/src/kiln/bench/cpu/NBody.java. */
#include "bench.h"

#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24
#define STEP 0.01
#define BODIES 5

struct body {
    double x, y, z, vx, vy, vz, mass;
};

static struct body make_body(double x, double y, double z, double vx, double vy, double vz, double mass) {
    struct body b = {x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, mass * SOLAR_MASS};
    return b;
}

static void cancel_momentum(struct body *bodies) {
    double px = 0, py = 0, pz = 0;
    for (int i = 0; i < BODIES; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

static double energy(const struct body *bodies) {
    double energy = 0;
    for (int i = 0; i < BODIES; i++) {
        const struct body *a = &bodies[i];
        energy += 0.5 * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (int j = i + 1; j < BODIES; j++) {
            const struct body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            energy -= a->mass * b->mass / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return energy;
}

static void advance(struct body *bodies) {
    for (int i = 0; i < BODIES; i++) {
        struct body *a = &bodies[i];
        for (int j = i + 1; j < BODIES; j++) {
            struct body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            double distance_squared = dx * dx + dy * dy + dz * dz;
            double magnitude = STEP / (distance_squared * sqrt(distance_squared));
            a->vx -= dx * b->mass * magnitude;
            a->vy -= dy * b->mass * magnitude;
            a->vz -= dz * b->mass * magnitude;
            b->vx += dx * a->mass * magnitude;
            b->vy += dy * a->mass * magnitude;
            b->vz += dz * a->mass * magnitude;
        }
    }
    for (int i = 0; i < BODIES; i++) {
        bodies[i].x += STEP * bodies[i].vx;
        bodies[i].y += STEP * bodies[i].vy;
        bodies[i].z += STEP * bodies[i].vz;
    }
}

int main(int argc, char **argv) {
    int steps = bench_size(argc, argv, 5000000);
    struct body bodies[BODIES] = {
        make_body(0, 0, 0, 0, 0, 0, 1),
        make_body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
        make_body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
        make_body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
        make_body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
                2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05),
    };
    cancel_momentum(bodies);
    print_fixed9(energy(bodies));
    for (int i = 0; i < steps; i++) {
        advance(bodies);
    }
    print_fixed9(energy(bodies));
    return 0;
}
