// The codec of views that are plain data (the docs views): stored in the parse cache as they are.
export const encode = (value: unknown): unknown => value;
export const decode = (value: unknown): unknown => value;
