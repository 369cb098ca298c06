import { orphanAssetRule } from './_asset-files.js';

export default orphanAssetRule('history');
