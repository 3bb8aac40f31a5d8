import { runCli } from './portico-cli';

runCli(process.argv.slice(2)).then((code) => process.exit(code));
