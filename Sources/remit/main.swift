print("remit")
