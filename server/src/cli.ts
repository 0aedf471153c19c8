// mlsec command line (placeholder until the CLI lands).
console.log('mlsec');
