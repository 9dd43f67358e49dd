export * from './hostname';
export * from './uri';
export { punycodeDecode, punycodeEncode } from './punycode';
