"""The one place that builds and reads the "W1", "b1", "dW1", "dA0" dictionary keys."""


def weight(layer: int) -> str:
    return f"W{layer}"


def bias(layer: int) -> str:
    return f"b{layer}"


def grad(name: str) -> str:
    """The gradient key of a parameter or activation key: "W2" -> "dW2"."""
    return f"d{name}"


def activation(layer: int) -> str:
    return f"A{layer}"


def num_layers(parameters: dict) -> int:
    """L, the number of weight layers in a parameters dict holding W1..WL and b1..bL."""
    layers = [k for k in parameters if k.startswith("W") and k[1:].isdigit()]
    if not layers:
        raise KeyError("parameters holds no weight matrices named W1, W2, ...")
    return len(layers)
