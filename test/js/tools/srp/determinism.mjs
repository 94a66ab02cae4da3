// Runs client code with a fixed clock and a deterministic random source, so
// that the vectors are reproducible. Both clients read the time through
// `new Date()` and randomness through globalThis.crypto.getRandomValues, and
// every step of their flows runs synchronously here (the fake server answers
// at once), so patching the globals around a call is enough.

import { det } from './server-math.mjs';

const RealDate = Date;

export function withClock(ms, fn) {
	class FixedDate extends RealDate {
		constructor(...args) {
			if (args.length === 0) super(ms);
			else super(...args);
		}
		static now() {
			return ms;
		}
	}
	globalThis.Date = FixedDate;
	try {
		return fn();
	} finally {
		globalThis.Date = RealDate;
	}
}

export function withRandom(label, fn) {
	const stream = det(`${label}/random`, 4096);
	let off = 0;
	const c = globalThis.crypto;
	const had = Object.prototype.hasOwnProperty.call(c, 'getRandomValues');
	const orig = c.getRandomValues;
	Object.defineProperty(c, 'getRandomValues', {
		configurable: true,
		writable: true,
		value(arr) {
			const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
			if (off + bytes.length > stream.length) throw new Error('deterministic random stream exhausted');
			bytes.set(stream.subarray(off, off + bytes.length));
			off += bytes.length;
			return arr;
		},
	});
	try {
		return fn();
	} finally {
		if (had) c.getRandomValues = orig;
		else delete c.getRandomValues;
	}
}
