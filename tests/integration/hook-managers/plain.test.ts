// plain: the five pushes in the supported order (see supported-order.ts), the reference row.
import { supportedOrder } from './supported-order.js';

supportedOrder('plain');
