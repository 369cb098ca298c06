// Every test file leaves no temp folder behind.
import { afterAll } from 'vitest';
import { removeTmpDirs } from './helpers/git.js';

afterAll(() => removeTmpDirs());
