// Every property test runs with one fixed seed, so a run in CI is the run on a laptop: a failure is reproducible, and
// a green main stays green. Explore new cases on purpose with FC_SEED=<n> (or FC_SEED=random).
import fc from "fast-check";

const asked = process.env.FC_SEED;
if (asked !== "random") fc.configureGlobal({ seed: asked ? Number(asked) : 20261201 });
