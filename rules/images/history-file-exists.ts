import { assetFileExistsRule } from './_asset-files.js';

export default assetFileExistsRule('history');
