let n = 0;
export default () => ++n;
