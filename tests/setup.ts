// Every test file leaves no temp folder behind, and the rule tester registers with vitest.
import { afterAll, describe, it } from 'vitest';
import { RuleTester } from '../runner/testing.js';
import { removeTmpDirs } from './helpers/git.js';

RuleTester.describe = describe;
RuleTester.it = it;

afterAll(() => removeTmpDirs());
