globalThis.stageName = 'two';
